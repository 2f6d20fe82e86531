// spec/samples/EXPECTED.md, "Case scenario", steps 1 to 7, through the GraphQL API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';
import { CaseById, CaseList, CloseCase, DeleteCase, OpenCase, ProductNumbers, Totals } from './support.js';

const AS_OF = SAMPLES_AS_OF;

describe('the case scenario of EXPECTED.md (asOf 2025-06-15)', () => {
  let server: TestServer;
  let token: string;
  let mugCase: string;
  let bagCase: string;

  const open = async (type: 'LOST' | 'DAMAGED' | 'INBOUND' | 'UNRETURNED', skus: string[], amazonCaseId: string) =>
    (await gql(server, OpenCase, { input: { type, skus, amazonCaseId, asOf: AS_OF } }, token)).data!.openCase;
  const numbers = async (sku: string) =>
    (await gql(server, ProductNumbers, { sku, asOf: AS_OF }, token)).data!.product!;

  beforeAll(async () => {
    server = await startServer({ now: new Date(AS_OF) });
    token = await server.account('Sample Seller', 'NA');
    for (const file of SAMPLE_FILES)
      member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
  });
  afterAll(() => server.close());

  it('1. opening the LOST case of SKU-MUG-01 claims its 2 units', async () => {
    const opened = member(await open('LOST', ['SKU-MUG-01'], '1234567890'), 'OpenCaseSuccess').case;
    mugCase = opened.id;
    expect(opened).toMatchObject({
      amazonCaseId: '1234567890',
      type: 'LOST',
      status: 'OPEN',
      claimedUnits: 2,
      pendingUnits: 2,
      reimbursedUnits: 0,
      closedAt: null,
    });
    expect(opened.items).toMatchObject([{ product: { sku: 'SKU-MUG-01' }, claimedUnits: 2, pendingUnits: 2 }]);
    expect(opened.caseLogUrl).toBe('https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=1234567890');
    expect(await numbers('SKU-MUG-01')).toMatchObject({
      missingUnits: 0,
      claimableUnits: 0,
      claimedUnits: 2,
      expiredUnits: 0,
    });
  });

  it('2. the reimbursements of reimbursements-after-case.tsv pay the case: REIMBURSED on 2025-06-25, 25.98 USD', async () => {
    member(
      (await uploadSample(server, token, 'reimbursements-after-case.tsv')).data?.importReport,
      'ImportReportSuccess',
    );
    const paid = (await gql(server, CaseById, { id: mugCase }, token)).data!.case!;
    expect(paid).toMatchObject({
      status: 'REIMBURSED',
      claimedUnits: 2,
      reimbursedUnits: 2,
      pendingUnits: 0,
      closedAt: '2025-06-25T08:00:00.000Z',
      closedBy: 'REIMBURSEMENT',
      reimbursed: [{ amount: '25.98', currency: 'USD' }],
    });
    expect(paid.reimbursements).toEqual([
      {
        reimbursementId: '5000010',
        approvalDate: '2025-06-20T08:00:00.000Z',
        reason: 'Lost_Warehouse',
        sku: 'SKU-MUG-01',
        units: 1,
        amount: { amount: '12.99', currency: 'USD' },
      },
      {
        reimbursementId: '5000011',
        approvalDate: '2025-06-25T08:00:00.000Z',
        reason: 'Lost_Warehouse',
        sku: 'SKU-MUG-01',
        units: 1,
        amount: { amount: '12.99', currency: 'USD' },
      },
    ]);
    expect((await gql(server, Totals, { asOf: AS_OF }, token)).data!.viewer.totals.reimbursed).toEqual([
      { amount: '25.98', currency: 'USD' },
    ]);
    expect(await numbers('SKU-MUG-01')).toMatchObject({ missingUnits: 0, claimedUnits: 0 });
  });

  it('3. a second LOST case of SKU-MUG-01 has nothing to claim', async () => {
    expect(await open('LOST', ['SKU-MUG-01'], '1234567891')).toMatchObject({
      __typename: 'DomainError',
      code: 'NOTHING_TO_CLAIM',
    });
  });

  it('4. the INBOUND case of SKU-BAG-03 claims 4 units, and a second one is refused', async () => {
    const opened = member(await open('INBOUND', ['SKU-BAG-03'], '2233445566'), 'OpenCaseSuccess').case;
    bagCase = opened.id;
    expect(opened).toMatchObject({ status: 'OPEN', claimedUnits: 4 });
    expect(await open('INBOUND', ['SKU-BAG-03'], '2233445567')).toMatchObject({ code: 'CASE_ALREADY_OPEN' });
  });

  it('5. deleting it gives SKU-BAG-03 its 4 units back, and the case is in no list', async () => {
    expect((await gql(server, DeleteCase, { id: bagCase }, token)).data!.deleteCase).toEqual({
      __typename: 'DeleteCaseSuccess',
      deletedCaseId: bagCase,
    });
    expect(await numbers('SKU-BAG-03')).toMatchObject({
      missingUnits: 4,
      claimableUnits: 4,
      claimedUnits: 0,
      cases: [],
    });
    expect((await gql(server, CaseById, { id: bagCase }, token)).data!.case).toBeNull();
    const listed = (await gql(server, CaseList, {}, token)).data!.cases.edges.map((edge) => edge.node.amazonCaseId);
    expect(listed).toEqual(['1234567890']);
  });

  it('6. the UNRETURNED case of SKU-CAP-04 claims the order 111-0000001-0000001; closed unpaid, it is CLOSED', async () => {
    const opened = member(await open('UNRETURNED', ['SKU-CAP-04'], '3344556677'), 'OpenCaseSuccess').case;
    expect(opened).toMatchObject({ claimedUnits: 1 });
    expect(opened.description).toContain('111-0000001-0000001');
    const closed = member(
      (await gql(server, CloseCase, { id: opened.id }, token)).data!.closeCase,
      'CloseCaseSuccess',
    ).case;
    expect(closed).toMatchObject({ status: 'CLOSED', closedBy: 'USER', closedAt: '2025-06-15T00:00:00.000Z' });
    expect(await numbers('SKU-CAP-04')).toMatchObject({
      missingUnits: 1,
      claimableUnits: 0,
      claimedUnits: 0,
      expiredUnits: 1,
    });
  });

  it('7. a case ID of other characters, and one already used, are refused', async () => {
    expect(await open('DAMAGED', ['SKU-LAMP-02'], '12AB')).toMatchObject({ code: 'INVALID_CASE_ID' });
    expect(await open('DAMAGED', ['SKU-LAMP-02'], '1234567890')).toMatchObject({ code: 'DUPLICATE_CASE_ID' });
  });
});
