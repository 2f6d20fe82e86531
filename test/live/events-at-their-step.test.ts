// Issue 16: each event is true at its moment. The case scenario of spec/samples/EXPECTED.md, step by step: what a
// subscriber receives for each event is what a query made right after that event's change returns, over graphql-ws
// and over Server-Sent Events, and never rows cached for an earlier event of the same connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenCase } from '../cases/support.js';
import { graphql } from '../gql/index.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';
import { subscribeSse, subscribeWs } from './subscriber.js';

const CaseSteps = graphql(`
  subscription CaseSteps {
    caseUpdated {
      kind
      case {
        id status claimedUnits reimbursedUnits pendingUnits closedAt closedBy
        reimbursed { amount currency }
        reimbursements { reimbursementId units amount { amount currency } }
        items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } product { sku claimedUnits missingUnits } }
      }
    }
  }
`);

const CaseNow = graphql(`
  query CaseNow($id: ID!) {
    case(id: $id) {
      id status claimedUnits reimbursedUnits pendingUnits closedAt closedBy
      reimbursed { amount currency }
      reimbursements { reimbursementId units amount { amount currency } }
      items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } product { sku claimedUnits missingUnits } }
    }
  }
`);

const usd = (amount: string) => ({ amount, currency: 'USD' });

describe.each([
  ['graphql-ws', subscribeWs],
  ['Server-Sent Events', subscribeSse],
] as const)('the case scenario of EXPECTED.md, event by event, over %s', (_transport, subscribe) => {
  let server: TestServer;
  let seller: string;

  beforeAll(async () => {
    server = await startServer({ now: new Date(SAMPLES_AS_OF) });
    seller = await server.account('Seller', 'NA');
    for (const file of SAMPLE_FILES)
      member((await uploadSample(server, seller, file)).data?.importReport, 'ImportReportSuccess');
  });
  afterAll(() => server.close());

  it('OPENED with nothing paid, REIMBURSEMENT_RECEIVED with 1 unit and 12.99 USD, then REIMBURSED with 2 and 25.98', async () => {
    const subscriber = await subscribe(server.url, seller, CaseSteps, {}, server.nextSubscription('case:updated'));
    const opened = member(
      (
        await gql(
          server,
          OpenCase,
          { input: { type: 'LOST', skus: ['SKU-MUG-01'], amazonCaseId: '1234567890', asOf: SAMPLES_AS_OF } },
          seller,
        )
      ).data?.openCase,
      'OpenCaseSuccess',
    ).case;
    const [openedEvent] = await subscriber.waitFor(1);
    // Step 1: a query right after openCase.
    expect(openedEvent!.caseUpdated.case).toEqual((await gql(server, CaseNow, { id: opened.id }, seller)).data?.case);
    expect(openedEvent!.caseUpdated.case).toMatchObject({
      status: 'OPEN',
      claimedUnits: 2,
      reimbursedUnits: 0,
      pendingUnits: 2,
      reimbursed: [],
      items: [{ product: { sku: 'SKU-MUG-01', claimedUnits: 2, missingUnits: 0 } }],
    });

    // Step 2: one import, two payments of the case, each told with the numbers right after it.
    member(
      (await uploadSample(server, seller, 'reimbursements-after-case.tsv')).data?.importReport,
      'ImportReportSuccess',
    );
    const events = await subscriber.waitFor(3);
    expect(events.map((event) => event.caseUpdated.kind)).toEqual(['OPENED', 'REIMBURSEMENT_RECEIVED', 'REIMBURSED']);
    expect(events[1]!.caseUpdated.case).toMatchObject({
      id: opened.id,
      status: 'OPEN',
      reimbursedUnits: 1,
      pendingUnits: 1,
      closedAt: null,
      closedBy: null,
      reimbursed: [usd('12.99')],
      reimbursements: [{ reimbursementId: '5000010', units: 1, amount: usd('12.99') }],
      items: [{ claimedUnits: 2, reimbursedUnits: 1, pendingUnits: 1, reimbursed: [usd('12.99')] }],
    });
    expect(events[2]!.caseUpdated.case).toMatchObject({
      id: opened.id,
      status: 'REIMBURSED',
      reimbursedUnits: 2,
      pendingUnits: 0,
      closedAt: '2025-06-25T08:00:00.000Z',
      closedBy: 'REIMBURSEMENT',
      reimbursed: [usd('25.98')],
      reimbursements: [
        { reimbursementId: '5000010', units: 1, amount: usd('12.99') },
        { reimbursementId: '5000011', units: 1, amount: usd('12.99') },
      ],
      items: [{ claimedUnits: 2, reimbursedUnits: 2, pendingUnits: 0, reimbursed: [usd('25.98')] }],
    });
    // The last step is the state now: the event equals a query, the product's numbers included (a connection-long
    // loader would still hold those of OPENED).
    expect(events[2]!.caseUpdated.case).toEqual((await gql(server, CaseNow, { id: opened.id }, seller)).data?.case);
    await subscriber.close();
  });
});
