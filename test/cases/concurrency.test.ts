// docs/rules.md section 5: "At most one OPEN case per (product, type)" and "The Amazon case ID ... unique within the
// account", also when two requests arrive at once (two clicks, two tabs): both go over HTTP at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { subscribeSse } from '../live/subscriber.js';
import { gql, startServer, type TestServer } from '../support/server.js';
import { CaseHistory, importText, LOST_DAY, ledgerFile, NOW, openCase, openedCase } from './fixtures.js';
import { CaseList, CloseCase, DeleteCase, ProductNumbers } from './support.js';

const ROUNDS = 6;

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startServer({ now: new Date(NOW) });
  token = await server.account('Concurrent Seller', 'NA');
  const rows = Array.from({ length: 2 * ROUNDS }, (_, index) => ({
    day: LOST_DAY,
    sku: `SKU-RACE-${String(index).padStart(2, '0')}`,
    quantity: -(index + 1),
    reference: `40000000${String(index).padStart(4, '0')}`,
  }));
  await importText(server, token, 'ledger.tsv', ledgerFile(rows));
});
afterAll(() => server?.close());

const outcome = (result: Awaited<ReturnType<typeof openCase>>) =>
  'code' in result ? result.code : result.__typename === 'OpenCaseSuccess' ? 'success' : 'unknown';

describe('two openCase at once', () => {
  it('for the same product and type (different case IDs) give exactly one case and one CASE_ALREADY_OPEN', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const sku = `SKU-RACE-${String(round).padStart(2, '0')}`;
      const results = await Promise.all([
        openCase(server, token, { skus: [sku], amazonCaseId: `5000000${round}01` }),
        openCase(server, token, { skus: [sku], amazonCaseId: `5000000${round}02` }),
      ]);
      expect(results.map(outcome).sort(), `round ${round}`).toEqual(['CASE_ALREADY_OPEN', 'success']);
      const product = (await gql(server, ProductNumbers, { sku, asOf: NOW }, token)).data!.product!;
      expect(product.cases).toHaveLength(1);
      // Claimed once, not twice.
      expect(product).toMatchObject({ claimedUnits: round + 1, missingUnits: 0 });
    }
  });

  it('with the same case ID (different products) give exactly one case and one DUPLICATE_CASE_ID', async () => {
    // The products the first test left alone, two by two.
    for (let round = 0; round < ROUNDS / 2; round++) {
      const skus = [ROUNDS + round * 2, ROUNDS + round * 2 + 1].map((n) => `SKU-RACE-${String(n).padStart(2, '0')}`);
      const amazonCaseId = `6000000${round}00`;
      const results = await Promise.all(skus.map((sku) => openCase(server, token, { skus: [sku], amazonCaseId })));
      expect(results.map(outcome).sort(), `round ${round}`).toEqual(['DUPLICATE_CASE_ID', 'success']);
    }
    const listed = (await gql(server, CaseList, {}, token)).data!.cases.edges.map((edge) => edge.node.amazonCaseId);
    expect(new Set(listed).size).toBe(listed.length);
  });
});

// The refusals of openCase that depend on other cases (a case ID used, an OPEN case of the product and type) are
// decided under the account's case lock, as close and delete are: every call but one gets its typed refusal.
describe(`${10} openCase at once`, () => {
  const CALLS = 10;
  beforeAll(async () => {
    const rows = ['SKU-MANY-A', 'SKU-MANY-B'].map((sku, index) => ({
      day: LOST_DAY,
      sku,
      quantity: -3,
      reference: `42000000000${index}`,
    }));
    await importText(server, token, 'many.tsv', ledgerFile(rows));
  });

  it('for the same product and type: one case, and CASE_ALREADY_OPEN for every other', async () => {
    const results = await Promise.all(
      Array.from({ length: CALLS }, (_, index) =>
        openCase(server, token, { skus: ['SKU-MANY-A'], amazonCaseId: `81000000${String(index).padStart(2, '0')}` }),
      ),
    );
    expect(results.map(outcome).sort()).toEqual([...Array(CALLS - 1).fill('CASE_ALREADY_OPEN'), 'success']);
    const product = (await gql(server, ProductNumbers, { sku: 'SKU-MANY-A', asOf: NOW }, token)).data!.product!;
    expect(product.cases).toHaveLength(1);
    expect(product).toMatchObject({ claimedUnits: 3, missingUnits: 0 });
  });

  it('with the same case ID: one case, and DUPLICATE_CASE_ID for every other', async () => {
    const results = await Promise.all(
      Array.from({ length: CALLS }, () =>
        openCase(server, token, { skus: ['SKU-MANY-B'], amazonCaseId: '8200000000' }),
      ),
    );
    expect(results.map(outcome).sort()).toEqual([...Array(CALLS - 1).fill('DUPLICATE_CASE_ID'), 'success']);
  });
});

const CaseUpdates = graphql(`
  subscription ConcurrentCaseUpdates {
    caseUpdated { kind caseId }
  }
`);

// F11: the checks of closeCase and deleteCase (the case exists, it is OPEN) run under the account's case lock, so
// calls at once for one case commit one after the other and each sees what the one before did.
describe('closeCase and deleteCase of one case at once', () => {
  const CALLS = 10;
  const skus = ['SKU-SERIAL-A', 'SKU-SERIAL-B', 'SKU-SERIAL-C', 'SKU-SERIAL-D'];
  beforeAll(async () => {
    const rows = skus.map((sku, index) => ({ day: LOST_DAY, sku, quantity: -2, reference: `41000000000${index}` }));
    await importText(server, token, 'serial.tsv', ledgerFile(rows));
  });
  const typename = (result: { __typename: string; code?: string }) =>
    'code' in result && result.code ? result.code : result.__typename;

  it(`closes once: of ${CALLS} closes, one succeeds and the others get CASE_NOT_OPEN`, async () => {
    const opened = await openedCase(server, token, { skus: [skus[0]!], amazonCaseId: '7100000001' });
    const results = await Promise.all(
      Array.from({ length: CALLS }, () => gql(server, CloseCase, { id: opened.id }, token)),
    );
    const outcomes = results.map((result) => typename(result.data!.closeCase));
    expect(outcomes.sort()).toEqual(['CloseCaseSuccess', ...Array(CALLS - 1).fill('CASE_NOT_OPEN')].sort());
    const history = (await gql(server, CaseHistory, { id: opened.id }, token)).data!.case!.history;
    expect(history.map((line) => line.action)).toEqual(['OPENED', 'CLOSED']);
  });

  it(`deletes once: of ${CALLS} deletes, one succeeds and the others get NOT_FOUND`, async () => {
    const opened = await openedCase(server, token, { skus: [skus[1]!], amazonCaseId: '7100000002' });
    const results = await Promise.all(
      Array.from({ length: CALLS }, () => gql(server, DeleteCase, { id: opened.id }, token)),
    );
    const outcomes = results.map((result) => typename(result.data!.deleteCase));
    expect(outcomes.sort()).toEqual(['DeleteCaseSuccess', ...Array(CALLS - 1).fill('NOT_FOUND')].sort());
    const product = (await gql(server, ProductNumbers, { sku: skus[1]!, asOf: NOW }, token)).data!.product!;
    expect(product).toMatchObject({ claimedUnits: 0, missingUnits: 2 });
  });

  it('mixed closes and deletes: one delete wins, a close wins only before it, and no CLOSED follows DELETED', async () => {
    const opened = await openedCase(server, token, { skus: [skus[2]!], amazonCaseId: '7100000003' });
    const updates = await subscribeSse(server.url, token, CaseUpdates, {}, server.nextSubscription('case:updated'));
    const results = await Promise.all(
      Array.from({ length: CALLS }, (_, index) =>
        index % 2 === 0
          ? gql(server, CloseCase, { id: opened.id }, token).then((result) => typename(result.data!.closeCase))
          : gql(server, DeleteCase, { id: opened.id }, token).then((result) => typename(result.data!.deleteCase)),
      ),
    );
    const closes = results.filter((outcome) => outcome === 'CloseCaseSuccess').length;
    expect(results.filter((outcome) => outcome === 'DeleteCaseSuccess')).toHaveLength(1);
    expect(closes).toBeLessThanOrEqual(1);
    expect(
      results
        .filter((outcome) => !outcome.endsWith('Success'))
        .every((code) => ['CASE_NOT_OPEN', 'NOT_FOUND'].includes(code)),
    ).toBe(true);
    // A case opened after the race marks the end of its events.
    const marker = await openedCase(server, token, { skus: [skus[3]!], amazonCaseId: '7100000004' });
    const events = (await updates.waitFor(closes + 2)).map((event) => [
      event.caseUpdated.kind,
      event.caseUpdated.caseId,
    ]);
    await updates.close();
    expect(events).toEqual([
      ...(closes === 1 ? [['CLOSED', opened.id]] : []),
      ['DELETED', opened.id],
      ['OPENED', marker.id],
    ]);
    const history = (await gql(server, CaseHistory, { id: opened.id }, token)).data!.case;
    expect(history).toBeNull();
  });
});
