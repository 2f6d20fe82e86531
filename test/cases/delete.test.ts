// docs/rules.md section 5, Delete: "the case disappears from every list and total, its claimed units go back to the
// missing pool (with their original dates and window states), and its attributed reimbursement lines become
// unattributed and are netted again. The result is the same as if the case had never been opened."
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startServer, type TestServer } from '../support/server.js';
import {
  importText,
  LOST_DAY,
  ledgerFile,
  NOW,
  openedCase,
  RECENT_DAY,
  reimbursementsFile,
  snapshot,
} from './fixtures.js';
import { CaseById, CaseList, DeleteCase } from './support.js';

const SKUS = ['SKU-A', 'SKU-B', 'SKU-C'];
const LEDGER = ledgerFile([
  { day: LOST_DAY, sku: 'SKU-A', quantity: -2, reference: '300000000001' },
  { day: LOST_DAY, sku: 'SKU-B', quantity: -3, reference: '300000000002' },
  { day: RECENT_DAY, sku: 'SKU-B', quantity: -4, reference: '300000000003' },
  // An EXPIRED unit (deadline 2025-05-31), and a found unit netting a lost one.
  { day: '2025-04-01', sku: 'SKU-C', quantity: -2, reference: '300000000004' },
  { day: '2025-04-02', sku: 'SKU-C', quantity: 1, reason: 'F', reference: '300000000005' },
]);

let server: TestServer;
let accounts = 0;

beforeAll(async () => {
  server = await startServer({ now: new Date(NOW) });
});
afterAll(() => server?.close());

async function seller() {
  accounts += 1;
  const token = await server.account(`Delete ${accounts}`, 'NA');
  await importText(server, token, 'ledger.tsv', LEDGER);
  // A price, so that reimbursable amounts are compared too.
  await importText(
    server,
    token,
    'costs.tsv',
    'sku\tcost\tcurrency\nSKU-A\t10.00\tUSD\nSKU-B\t4.00\tUSD\nSKU-C\t1.50\tUSD\n',
  );
  return token;
}

async function deleteCase(token: string, id: string) {
  expect((await gql(server, DeleteCase, { id }, token)).data!.deleteCase).toEqual({
    __typename: 'DeleteCaseSuccess',
    deletedCaseId: id,
  });
}

describe('deleting a case', () => {
  it('restores exactly the numbers of before it was opened (list, products, evidence, totals)', async () => {
    const token = await seller();
    const before = await snapshot(server, token, SKUS);
    expect(before.totals).toMatchObject({ missingUnits: 9, claimableUnits: 5, claimedUnits: 0, expiredUnits: 1 });

    const opened = await openedCase(server, token, { skus: ['SKU-A', 'SKU-B'], amazonCaseId: '100000000031' });
    const during = await snapshot(server, token, SKUS);
    expect(during.totals).toMatchObject({ missingUnits: 4, claimableUnits: 0, claimedUnits: 5, expiredUnits: 1 });

    await deleteCase(token, opened.id);
    expect(await snapshot(server, token, SKUS)).toEqual(before);
    expect((await gql(server, CaseById, { id: opened.id }, token)).data!.case).toBeNull();
    expect((await gql(server, CaseList, {}, token)).data!.cases.edges).toEqual([]);
    // Deleted, it is gone: deleting it again finds nothing.
    expect((await gql(server, DeleteCase, { id: opened.id }, token)).data!.deleteCase).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it.each([
    { paidA: 1, paidB: 2, status: 'OPEN' },
    { paidA: 2, paidB: 3, status: 'REIMBURSED' },
  ])(
    'of a case paid by reimbursements ($status): they become unattributed and are netted, as if it had never been opened',
    async ({ paidA, paidB, status }) => {
      const reimbursements = reimbursementsFile([
        {
          approved: '2025-06-05T08:00:00Z',
          id: '7300001',
          caseId: '100000000032',
          sku: 'SKU-A',
          units: paidA,
          perUnit: 10,
        },
        { approved: '2025-06-08T08:00:00Z', id: '7300002', sku: 'SKU-B', units: paidB, perUnit: 4 },
      ]);
      // The seller who opens, is paid, then deletes the case ...
      const token = await seller();
      const opened = await openedCase(server, token, { skus: ['SKU-A', 'SKU-B'], amazonCaseId: '100000000032' });
      await importText(server, token, 'reimbursements.tsv', reimbursements);
      const paid = (await gql(server, CaseById, { id: opened.id }, token)).data!.case!;
      expect(paid).toMatchObject({ status, reimbursedUnits: paidA + paidB, pendingUnits: 5 - paidA - paidB });
      const reimbursedBefore = (await snapshot(server, token, SKUS)).totals.reimbursed;
      expect(reimbursedBefore).toEqual([{ amount: (paidA * 10 + paidB * 4).toFixed(2), currency: 'USD' }]);
      await deleteCase(token, opened.id);

      // ... and the seller who never opened it, with the same files.
      const control = await seller();
      await importText(server, control, 'reimbursements.tsv', reimbursements);

      const afterDelete = await snapshot(server, token, SKUS);
      expect(afterDelete).toEqual(await snapshot(server, control, SKUS));
      expect(afterDelete.totals).toMatchObject({
        missingUnits: 9 - paidA - paidB,
        claimedUnits: 0,
        expiredUnits: 1,
        reimbursed: [],
      });
      // SKU-B: 3 lost on LOST_DAY and 4 on RECENT_DAY, paidB paid without a case: oldest first.
      expect(afterDelete.products[1]).toMatchObject({
        missingUnits: 7 - paidB,
        claimableUnits: 3 - paidB,
        claimedUnits: 0,
        evidence: [
          ...(paidB < 3 ? [{ date: LOST_DAY, units: 3 - paidB, state: 'CLAIMABLE' }] : []),
          { date: RECENT_DAY, units: 4, state: 'WAITING' },
        ],
      });
    },
  );
});
