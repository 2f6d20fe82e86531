// docs/rules.md sections 3 and 5 through the GraphQL API: a case of two products, how payments are attributed to its
// items, auto-close, manual close, reversals, and the audit log. Each test has an account of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, member, startServer, type TestServer } from '../support/server.js';
import {
  CaseHistory,
  historyOf,
  importText,
  LOST_DAY,
  ledgerFile,
  NOW,
  openedCase,
  RECENT_DAY,
  reimbursementsFile,
} from './fixtures.js';
import { CaseById, CloseCase, DeleteCase, ProductNumbers, Totals } from './support.js';

let server: TestServer;
let accounts = 0;

beforeAll(async () => {
  server = await startServer({ now: new Date(NOW) });
});
afterAll(() => server?.close());

/**
 * A new account with two products that lost units on LOST_DAY (CLAIMABLE from 05-25 to 06-24): SKU-A 2, SKU-B 3;
 * SKU-B lost 4 more on RECENT_DAY (WAITING until 07-01), and SKU-C 1 on LOST_DAY.
 */
async function seller() {
  accounts += 1;
  const token = await server.account(`Lifecycle ${accounts}`, 'NA');
  await importText(
    server,
    token,
    'ledger.tsv',
    ledgerFile([
      { day: LOST_DAY, sku: 'SKU-A', quantity: -2, reference: '200000000001' },
      { day: LOST_DAY, sku: 'SKU-B', quantity: -3, reference: '200000000002' },
      { day: RECENT_DAY, sku: 'SKU-B', quantity: -4, reference: '200000000003' },
      { day: LOST_DAY, sku: 'SKU-C', quantity: -1, reference: '200000000004' },
    ]),
  );
  const numbers = async (sku: string) => (await gql(server, ProductNumbers, { sku, asOf: NOW }, token)).data!.product!;
  const caseById = async (id: string) => (await gql(server, CaseById, { id }, token)).data!.case!;
  return { token, numbers, caseById };
}

describe('a case of two products of one type', () => {
  it('claims the CLAIMABLE units of both products, and auto-closes only when both items are paid', async () => {
    const { token, numbers, caseById } = await seller();
    const opened = await openedCase(server, token, { skus: ['SKU-A', 'SKU-B'], amazonCaseId: '100000000001' });
    expect(opened).toMatchObject({ status: 'OPEN', claimedUnits: 5, pendingUnits: 5, reimbursedUnits: 0 });
    expect(opened.items).toMatchObject([
      { product: { sku: 'SKU-A' }, claimedUnits: 2, pendingUnits: 2 },
      { product: { sku: 'SKU-B' }, claimedUnits: 3, pendingUnits: 3 },
    ]);
    // SKU-B's 4 WAITING units are not claimable: they stay missing, unclaimed.
    expect(await numbers('SKU-B')).toMatchObject({ missingUnits: 4, claimableUnits: 0, claimedUnits: 3 });

    // A payment naming the case goes to the item of its SKU; the case still waits for SKU-B.
    await importText(
      server,
      token,
      'reimbursements-1.tsv',
      reimbursementsFile([
        {
          approved: '2025-06-05T08:00:00Z',
          id: '7000001',
          caseId: '100000000001',
          sku: 'SKU-A',
          units: 2,
          perUnit: 10,
        },
      ]),
    );
    expect(await caseById(opened.id)).toMatchObject({
      status: 'OPEN',
      claimedUnits: 5,
      reimbursedUnits: 2,
      pendingUnits: 3,
      closedAt: null,
      reimbursed: [{ amount: '20.00', currency: 'USD' }],
      items: [
        { product: { sku: 'SKU-A' }, claimedUnits: 2, reimbursedUnits: 2, pendingUnits: 0 },
        { product: { sku: 'SKU-B' }, claimedUnits: 3, reimbursedUnits: 0, pendingUnits: 3 },
      ],
    });
    expect(await numbers('SKU-A')).toMatchObject({ missingUnits: 0, claimedUnits: 0 });

    // A payment without case-id of SKU-B completes it: the case is REIMBURSED at that line's approval date.
    await importText(
      server,
      token,
      'reimbursements-2.tsv',
      reimbursementsFile([{ approved: '2025-06-08T08:00:00Z', id: '7000002', sku: 'SKU-B', units: 3, perUnit: 4 }]),
    );
    const paid = await caseById(opened.id);
    expect(paid).toMatchObject({
      status: 'REIMBURSED',
      closedBy: 'REIMBURSEMENT',
      closedAt: '2025-06-08T08:00:00.000Z',
      reimbursedUnits: 5,
      pendingUnits: 0,
      reimbursed: [{ amount: '32.00', currency: 'USD' }],
    });
    expect(paid.reimbursements.map((line) => [line.reimbursementId, line.sku, line.units])).toEqual([
      ['7000001', 'SKU-A', 2],
      ['7000002', 'SKU-B', 3],
    ]);
    expect(await numbers('SKU-B')).toMatchObject({ missingUnits: 4, claimableUnits: 0, claimedUnits: 0 });
    expect((await gql(server, Totals, { asOf: NOW }, token)).data!.viewer.totals.reimbursed).toEqual([
      { amount: '32.00', currency: 'USD' },
    ]);
  });

  it('gives a payment without case-id to the item of its product only as far as it has pending units: the rest nets the missing pool', async () => {
    const { token, numbers, caseById } = await seller();
    const opened = await openedCase(server, token, { skus: ['SKU-A', 'SKU-B'], amazonCaseId: '100000000002' });
    await importText(
      server,
      token,
      'reimbursements.tsv',
      reimbursementsFile([
        {
          approved: '2025-06-05T08:00:00Z',
          id: '7000011',
          caseId: '100000000002',
          sku: 'SKU-A',
          units: 2,
          perUnit: 10,
        },
        // 5 units of SKU-B without case-id: the item takes the 3 it waits for, 2 stay unattributed.
        { approved: '2025-06-08T08:00:00Z', id: '7000012', sku: 'SKU-B', units: 5, perUnit: 4 },
      ]),
    );
    const paid = await caseById(opened.id);
    expect(paid).toMatchObject({ status: 'REIMBURSED', closedAt: '2025-06-08T08:00:00.000Z', reimbursedUnits: 5 });
    expect(paid.items[1]).toMatchObject({
      product: { sku: 'SKU-B' },
      claimedUnits: 3,
      reimbursedUnits: 3,
      pendingUnits: 0,
      // 3 of the line's 5 units: 3/5 of its 20.00.
      reimbursed: [{ amount: '12.00', currency: 'USD' }],
    });
    expect(paid.reimbursements.find((line) => line.reimbursementId === '7000012')).toMatchObject({
      units: 3,
      amount: { amount: '12.00', currency: 'USD' },
    });
    // The 2 unattributed units net SKU-B's pool: of its 4 WAITING units, 2 are still missing.
    // (docs/rules.md 3: the rest of the line stays unattributed; 4: unattributed units net what is still in the pool.)
    expect(await numbers('SKU-B')).toMatchObject({
      missingUnits: 2,
      claimableUnits: 0,
      claimedUnits: 0,
      expiredUnits: 0,
    });
  });

  it('leaves unattributed a line that names the case with a SKU the case does not hold (it nets that product)', async () => {
    const { token, numbers, caseById } = await seller();
    const opened = await openedCase(server, token, { skus: ['SKU-A', 'SKU-B'], amazonCaseId: '100000000003' });
    await importText(
      server,
      token,
      'reimbursements.tsv',
      reimbursementsFile([
        { approved: '2025-06-05T08:00:00Z', id: '7000021', caseId: '100000000003', sku: 'SKU-C', units: 1, perUnit: 7 },
      ]),
    );
    expect(await caseById(opened.id)).toMatchObject({ status: 'OPEN', reimbursedUnits: 0, reimbursements: [] });
    expect(await numbers('SKU-C')).toMatchObject({ missingUnits: 0, claimableUnits: 0, claimedUnits: 0 });
  });

  it('does not give a payment without case-id approved before the day the case was opened', async () => {
    const { token, numbers, caseById } = await seller();
    const opened = await openedCase(server, token, { skus: ['SKU-A'], amazonCaseId: '100000000004' });
    await importText(
      server,
      token,
      'reimbursements.tsv',
      reimbursementsFile([{ approved: '2025-05-31T23:00:00Z', id: '7000031', sku: 'SKU-A', units: 1, perUnit: 10 }]),
    );
    expect(await caseById(opened.id)).toMatchObject({ status: 'OPEN', reimbursedUnits: 0, pendingUnits: 2 });
    expect(await numbers('SKU-A')).toMatchObject({ claimedUnits: 2 });
  });

  it.each([
    { paid: 1, status: 'REIMBURSED' },
    { paid: 0, status: 'CLOSED' },
  ])(
    'a manual close ($paid unit paid: $status) writes off both items: their units are neither missing nor claimed',
    async ({ paid, status }) => {
      const { token, numbers } = await seller();
      const opened = await openedCase(server, token, { skus: ['SKU-A', 'SKU-B'], amazonCaseId: '100000000005' });
      if (paid > 0) {
        await importText(
          server,
          token,
          'reimbursements.tsv',
          reimbursementsFile([
            {
              approved: '2025-06-05T08:00:00Z',
              id: '7000041',
              caseId: '100000000005',
              sku: 'SKU-A',
              units: paid,
              perUnit: 10,
            },
          ]),
        );
      }
      const before = (await gql(server, Totals, { asOf: NOW }, token)).data!.viewer.totals;
      expect(before).toMatchObject({ missingUnits: 5, claimableUnits: 1, claimedUnits: 5 - paid });

      const closed = member(
        (await gql(server, CloseCase, { id: opened.id }, token)).data!.closeCase,
        'CloseCaseSuccess',
      );
      expect(closed.case).toMatchObject({ status, closedBy: 'USER', closedAt: NOW, reimbursedUnits: paid });

      expect(await numbers('SKU-A')).toMatchObject({
        missingUnits: 0,
        claimableUnits: 0,
        claimedUnits: 0,
        expiredUnits: 0,
      });
      // SKU-B keeps only its 4 WAITING units, which the case did not claim.
      expect(await numbers('SKU-B')).toMatchObject({
        missingUnits: 4,
        claimableUnits: 0,
        claimedUnits: 0,
        expiredUnits: 0,
      });
      // SKU-C (1 claimable unit, in no case) is untouched.
      expect((await gql(server, Totals, { asOf: NOW }, token)).data!.viewer.totals).toMatchObject({
        missingUnits: 5,
        claimableUnits: 1,
        claimedUnits: 0,
        expiredUnits: 0,
      });
      // Closed, it is closed: a second close is refused.
      expect((await gql(server, CloseCase, { id: opened.id }, token)).data!.closeCase).toMatchObject({
        code: 'CASE_NOT_OPEN',
      });
    },
  );
});

describe('reversals', () => {
  it.each([
    { original: 'named the case', caseId: '100000000011' },
    { original: 'had no case-id', caseId: undefined },
  ])(
    'a reversal after an auto-close opens the case again, with its pending units back (event REOPENED; the paid line $original)',
    async ({ caseId }) => {
      const { token, numbers, caseById } = await seller();
      const opened = await openedCase(server, token, { skus: ['SKU-A'], amazonCaseId: '100000000011' });
      await importText(
        server,
        token,
        'reimbursements-1.tsv',
        reimbursementsFile([
          { approved: '2025-06-05T08:00:00Z', id: '7100001', caseId, sku: 'SKU-A', units: 2, perUnit: 10 },
        ]),
      );
      expect(await caseById(opened.id)).toMatchObject({ status: 'REIMBURSED', closedBy: 'REIMBURSEMENT' });

      await importText(
        server,
        token,
        'reimbursements-2.tsv',
        reimbursementsFile([
          {
            approved: '2025-06-10T08:00:00Z',
            id: '7100002',
            sku: 'SKU-A',
            units: -1,
            perUnit: 10,
            reversalOf: { id: '7100001', type: 'Lost_Warehouse' },
          },
        ]),
      );
      const reopened = await caseById(opened.id);
      expect(reopened).toMatchObject({
        status: 'OPEN',
        closedAt: null,
        closedBy: null,
        claimedUnits: 2,
        reimbursedUnits: 1,
        pendingUnits: 1,
        reimbursed: [{ amount: '10.00', currency: 'USD' }],
      });
      expect(reopened.reimbursements.map((line) => [line.reimbursementId, line.units, line.amount.amount])).toEqual([
        ['7100001', 2, '20.00'],
        ['7100002', -1, '-10.00'],
      ]);
      expect(await numbers('SKU-A')).toMatchObject({ missingUnits: 0, claimedUnits: 1 });
      expect(await historyOf(server, token, opened.id)).toEqual([
        'user OPENED',
        'system REIMBURSEMENT_RECEIVED',
        'system REIMBURSED',
        'system REOPENED',
      ]);

      // Open again, it takes the next payment without case-id, and is REIMBURSED again.
      await importText(
        server,
        token,
        'reimbursements-3.tsv',
        reimbursementsFile([{ approved: '2025-06-12T08:00:00Z', id: '7100003', sku: 'SKU-A', units: 1, perUnit: 10 }]),
      );
      expect(await caseById(opened.id)).toMatchObject({
        status: 'REIMBURSED',
        closedAt: '2025-06-12T08:00:00.000Z',
        reimbursedUnits: 2,
        pendingUnits: 0,
      });
    },
  );

  it('a reversal after a manual close leaves the case closed', async () => {
    const { token, numbers, caseById } = await seller();
    const opened = await openedCase(server, token, { skus: ['SKU-A'], amazonCaseId: '100000000012' });
    await importText(
      server,
      token,
      'reimbursements-1.tsv',
      reimbursementsFile([
        {
          approved: '2025-06-05T08:00:00Z',
          id: '7100011',
          caseId: '100000000012',
          sku: 'SKU-A',
          units: 1,
          perUnit: 10,
        },
      ]),
    );
    member((await gql(server, CloseCase, { id: opened.id }, token)).data!.closeCase, 'CloseCaseSuccess');
    expect(await caseById(opened.id)).toMatchObject({ status: 'REIMBURSED', closedBy: 'USER', closedAt: NOW });

    await importText(
      server,
      token,
      'reimbursements-2.tsv',
      reimbursementsFile([
        {
          approved: '2025-06-20T08:00:00Z',
          id: '7100012',
          sku: 'SKU-A',
          units: -1,
          perUnit: 10,
          reversalOf: { id: '7100011', type: 'Lost_Warehouse' },
        },
      ]),
    );
    const after = await caseById(opened.id);
    expect(['REIMBURSED', 'CLOSED']).toContain(after.status);
    expect(after).toMatchObject({ closedBy: 'USER', closedAt: NOW, reimbursedUnits: 0 });
    expect(await numbers('SKU-A')).toMatchObject({ missingUnits: 0, claimableUnits: 0, claimedUnits: 0 });
    expect(await historyOf(server, token, opened.id)).not.toContain('system REOPENED');
  });
});

describe('the audit log of a case (Case.history)', () => {
  it('lists OPENED by the user, then REIMBURSEMENT_RECEIVED and REIMBURSED by the system, as they happen', async () => {
    const { token } = await seller();
    const opened = await openedCase(server, token, { skus: ['SKU-A', 'SKU-B'], amazonCaseId: '100000000021' });
    expect(await historyOf(server, token, opened.id)).toEqual(['user OPENED']);
    const [openedChange] = (await gql(server, CaseHistory, { id: opened.id }, token)).data!.case!.history;
    // When the case was opened (asOf), like openedAt: not the database's clock.
    expect(openedChange!.at).toBe(opened.openedAt);
    expect(JSON.parse(openedChange!.details)).toMatchObject({ amazonCaseId: '100000000021', type: 'LOST' });

    await importText(
      server,
      token,
      'reimbursements-1.tsv',
      reimbursementsFile([
        {
          approved: '2025-06-05T08:00:00Z',
          id: '7200001',
          caseId: '100000000021',
          sku: 'SKU-A',
          units: 2,
          perUnit: 10,
        },
      ]),
    );
    expect(await historyOf(server, token, opened.id)).toEqual(['user OPENED', 'system REIMBURSEMENT_RECEIVED']);

    await importText(
      server,
      token,
      'reimbursements-2.tsv',
      reimbursementsFile([{ approved: '2025-06-08T08:00:00Z', id: '7200002', sku: 'SKU-B', units: 3, perUnit: 4 }]),
    );
    expect(await historyOf(server, token, opened.id)).toEqual([
      'user OPENED',
      'system REIMBURSEMENT_RECEIVED',
      'system REIMBURSEMENT_RECEIVED',
      'system REIMBURSED',
    ]);
    // Importing the same file again changes nothing, and logs nothing.
    await importText(
      server,
      token,
      'reimbursements-2.tsv',
      reimbursementsFile([{ approved: '2025-06-08T08:00:00Z', id: '7200002', sku: 'SKU-B', units: 3, perUnit: 4 }]),
    );
    expect(await historyOf(server, token, opened.id)).toHaveLength(4);
  });

  it('lists CLOSED by the user when the seller closes the case', async () => {
    const { token } = await seller();
    const opened = await openedCase(server, token, { skus: ['SKU-A'], amazonCaseId: '100000000022' });
    member((await gql(server, CloseCase, { id: opened.id }, token)).data!.closeCase, 'CloseCaseSuccess');
    expect(await historyOf(server, token, opened.id)).toEqual(['user OPENED', 'user CLOSED']);
  });

  it('keeps DELETED by the user in the log of a deleted case (which the API no longer shows)', async () => {
    const { token } = await seller();
    const opened = await openedCase(server, token, { skus: ['SKU-A'], amazonCaseId: '100000000023' });
    member((await gql(server, DeleteCase, { id: opened.id }, token)).data!.deleteCase, 'DeleteCaseSuccess');
    expect(await historyOf(server, token, opened.id)).toBeNull();
    const log = await server.database.db.sql.query<{ actor: string; action: string }>(
      'SELECT actor, action FROM case_audit WHERE case_id = $1 ORDER BY id',
      [Number(opened.id)],
    );
    expect(log.map((change) => `${change.actor} ${change.action}`)).toEqual(['user OPENED', 'user DELETED']);
  });
});
