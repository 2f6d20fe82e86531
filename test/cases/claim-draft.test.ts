// docs/api.md, claimDraft: the three wizard steps of one claim of one type for one or more products. The claim is what a
// case opened at asOf would claim (docs/rules.md section 5: every CLAIMABLE unit of each product, oldest first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startServer, type TestServer } from '../support/server.js';
import { costsFile, importText, LOST_DAY, ledgerFile, NOW, openedCase, RECENT_DAY } from './fixtures.js';
import { Draft, Totals } from './support.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ now: new Date(NOW) });
});
afterAll(() => server?.close());

/** An account of the region whose SKU-A lost 2 units and SKU-B 3 (CLAIMABLE) then 4 more (WAITING). */
async function seller(region: 'NA' | 'EU', currency: string) {
  const token = await server.account(`Draft ${region} ${Math.random()}`, region);
  await importText(
    server,
    token,
    'ledger.tsv',
    ledgerFile([
      { day: LOST_DAY, sku: 'SKU-A', quantity: -2, reference: '600000000001', title: 'Ceramic Mug' },
      { day: LOST_DAY, sku: 'SKU-B', quantity: -3, reference: '600000000002', title: 'Desk Lamp' },
      { day: RECENT_DAY, sku: 'SKU-B', quantity: -4, reference: '600000000003' },
    ]),
  );
  await importText(
    server,
    token,
    'costs.tsv',
    costsFile([
      { sku: 'SKU-A', cost: '10.00', currency },
      { sku: 'SKU-B', cost: '2.50', currency },
    ]),
  );
  return token;
}

const draftOf = (token: string, skus: string[]) => gql(server, Draft, { type: 'LOST', skus, asOf: NOW }, token);

describe('claimDraft', () => {
  it('claims the CLAIMABLE units of two SKUs: units, reimbursable, evidence and items', async () => {
    const token = await seller('NA', 'USD');
    const draft = (await draftOf(token, ['SKU-A', 'SKU-B'])).data!.claimDraft;
    expect(draft.units).toBe(5);
    expect(draft.reimbursable).toEqual({ amount: '27.50', currency: 'USD' });
    const line = { type: 'LOST', date: LOST_DAY, state: 'CLAIMABLE', deadline: '2025-06-24', source: 'LEDGER' };
    expect(draft.evidence).toEqual([
      { ...line, units: 2, reference: '600000000001' },
      { ...line, units: 3, reference: '600000000002' },
    ]);
    expect(draft.items).toEqual([
      {
        product: { sku: 'SKU-A' },
        units: 2,
        reimbursable: { amount: '20.00', currency: 'USD' },
        evidence: [{ date: LOST_DAY, units: 2, reference: '600000000001' }],
      },
      {
        product: { sku: 'SKU-B' },
        units: 3,
        reimbursable: { amount: '7.50', currency: 'USD' },
        evidence: [{ date: LOST_DAY, units: 3, reference: '600000000002' }],
      },
    ]);
    expect(draft.documentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/documents\//);
    // A draft is only a draft: nothing is claimed.
    expect((await gql(server, Totals, { asOf: NOW }, token)).data!.viewer.totals).toMatchObject({
      missingUnits: 9,
      claimableUnits: 5,
      claimedUnits: 0,
    });
  });

  it('does not claim again the units an OPEN case claims', async () => {
    const token = await seller('NA', 'USD');
    await openedCase(server, token, { skus: ['SKU-A'], amazonCaseId: '800000000001' });
    const draft = (await draftOf(token, ['SKU-A', 'SKU-B'])).data!.claimDraft;
    expect(draft.items.map((item) => [item.product.sku, item.units])).toEqual([
      ['SKU-A', 0],
      ['SKU-B', 3],
    ]);
    expect(draft.units).toBe(3);
  });

  it('sends an NA account to sellercentral.amazon.com, in English, and tells it to attach the Excel file', async () => {
    const token = await seller('NA', 'USD');
    const draft = (await draftOf(token, ['SKU-A', 'SKU-B'])).data!.claimDraft;
    expect(draft.sellerCentralUrl).toMatch(/^https:\/\/sellercentral\.amazon\.com\//);
    expect(draft.guidance.some((step) => /excel/i.test(step) && /attach/i.test(step))).toBe(true);
    expect(draft.description).toContain('Hello');
    for (const text of ['SKU-A', 'SKU-B', '600000000001', '600000000002']) expect(draft.description).toContain(text);
    // The WAITING units are not in the claim.
    expect(draft.description).not.toContain('600000000003');
  });

  it('sends an EU account to sellercentral-europe.amazon.com, in its currency', async () => {
    const token = await seller('EU', 'EUR');
    const draft = (await draftOf(token, ['SKU-A', 'SKU-B'])).data!.claimDraft;
    expect(draft.sellerCentralUrl).toMatch(/^https:\/\/sellercentral-europe\.amazon\.com\//);
    expect(draft.reimbursable).toEqual({ amount: '27.50', currency: 'EUR' });
    expect(draft.guidance.some((step) => /excel/i.test(step))).toBe(true);
  });

  it('refuses an unknown SKU with a GraphQL error NOT_FOUND', async () => {
    const token = await seller('NA', 'USD');
    for (const skus of [['SKU-NONE'], ['SKU-A', 'SKU-NONE']]) {
      const response = await draftOf(token, skus);
      expect(response.data?.claimDraft ?? null).toBeNull();
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(response.errors?.[0]?.message).toContain('SKU-NONE');
    }
  });
});
