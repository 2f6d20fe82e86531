// What the dashboard needs so that a row's numbers never contradict each other (issue 19): the part of the
// reimbursable value that can be claimed today, the list's total count, the Seller Central steps in the dashboard's
// language, and whether the server can connect an account to Amazon at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { usd } from '../support/expected-samples.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  testConfig,
  uploadSample,
} from '../support/server.js';

const Numbers = graphql(`
  query DashboardNumbers($asOf: DateTime, $type: MissingType, $first: Int) {
    missingProducts(asOf: $asOf, type: $type, first: $first) {
      totalCount
      edges {
        node {
          sku missingUnits claimableUnits reimbursable { amount currency } claimableReimbursable { amount currency }
          byType { type claimableUnits claimableReimbursable { amount currency } }
        }
      }
    }
  }
`);

const Guidance = graphql(`
  query DashboardGuidance($language: DescriptionLanguage) {
    claimDraft(type: LOST, skus: ["SKU-MUG-01"]) { guidance(language: $language) }
    underpaidReimbursements(first: 1) { edges { node { guidance(language: $language) } } }
  }
`);

const Availability = graphql(`
  query AmazonAvailability { amazonConnectionAvailable }
`);

describe('the numbers the dashboard shows beside each other', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ now: new Date(SAMPLES_AS_OF) });
    token = await server.account('Dashboard Seller', 'NA');
    for (const file of SAMPLE_FILES)
      member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
  });
  afterAll(() => server.close());

  it('splits reimbursable: SKU-CAP-04 is worth 39.98 USD for 2 units, of which 19.99 USD (1 unit) claimable now', async () => {
    const { data } = await gql(server, Numbers, { asOf: SAMPLES_AS_OF, first: 50 }, token);
    const rows = Object.fromEntries(data!.missingProducts.edges.map((edge) => [edge.node.sku, edge.node]));
    expect(rows['SKU-CAP-04']).toMatchObject({
      missingUnits: 2,
      claimableUnits: 1,
      reimbursable: usd('39.98'),
      claimableReimbursable: usd('19.99'),
      byType: [{ type: 'UNRETURNED', claimableUnits: 1, claimableReimbursable: usd('19.99') }],
    });
    // All claimable: the two amounts are one; nothing claimable: zero; no known value: none.
    expect(rows['SKU-MUG-01']).toMatchObject({ reimbursable: usd('25.98'), claimableReimbursable: usd('25.98') });
    expect(rows['SKU-PEN-05']).toMatchObject({ claimableUnits: 0, claimableReimbursable: usd('0.00') });
    expect(rows['SKU-CUP-06']).toMatchObject({ reimbursable: null, claimableReimbursable: null });
  });

  it('counts the whole list, not the page: 6 products, 3 of them with LOST units', async () => {
    const page = await gql(server, Numbers, { asOf: SAMPLES_AS_OF, first: 2 }, token);
    expect(page.data!.missingProducts.edges).toHaveLength(2);
    expect(page.data!.missingProducts.totalCount).toBe(6);
    const lost = await gql(server, Numbers, { asOf: SAMPLES_AS_OF, type: 'LOST', first: 50 }, token);
    expect(lost.data!.missingProducts.edges).toHaveLength(3);
    expect(lost.data!.missingProducts.totalCount).toBe(3);
  });

  it('writes the Seller Central steps in French when asked, with French punctuation, and in English otherwise', async () => {
    const english = (await gql(server, Guidance, {}, token)).data!;
    const french = (await gql(server, Guidance, { language: 'FR' }, token)).data!;
    const german = (await gql(server, Guidance, { language: 'DE' }, token)).data!;
    expect(english.claimDraft.guidance[0]).toContain('"Selling on Amazon"');
    expect(german.claimDraft.guidance).toEqual(english.claimDraft.guidance);
    expect(french.claimDraft.guidance).toHaveLength(english.claimDraft.guidance.length);
    expect(french.claimDraft.guidance[0]).toContain('«\u00a0Vendre sur Amazon\u00a0»');
    const review = french.underpaidReimbursements.edges[0]!.node.guidance;
    expect(review[0]).toContain('remboursement 5000003');
    for (const step of [...french.claimDraft.guidance, ...review]) {
      // Never a plain space before a colon, a semicolon or a closing guillemet.
      expect(step).not.toMatch(/ [:;»]/);
      expect(step).not.toMatch(/\b(the|and|of|your)\b/);
    }
  });

  it('says whether the server can seal Amazon credentials (RECLAIM_SECRET_KEY)', async () => {
    expect((await gql(server, Availability, {}, token)).data!.amazonConnectionAvailable).toBe(true);
    const without = await startServer({ amazon: { ...testConfig().amazon, secretKey: undefined } });
    try {
      const other = await without.account('Keyless Seller', 'NA');
      expect((await gql(without, Availability, {}, other)).data!.amazonConnectionAvailable).toBe(false);
    } finally {
      await without.close();
    }
  });
});
