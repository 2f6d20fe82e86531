// No N+1: a page of products costs the same number of queries whatever its size (STYLE.md, "No N+1").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.js';
import { createLogger } from '../../src/logger.js';
import { graphql } from '../gql/index.js';
import { gql, startServer, type TestServer } from '../support/server.js';

const MissingPage = graphql(`
  query MissingPage($first: Int, $asOf: DateTime) {
    missingProducts(first: $first, asOf: $asOf) {
      edges {
        node {
          sku fnsku asin title
          lastSalePrice { amount currency } purchaseCost { amount currency } unitValue { amount currency }
          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }
          expectedPayout { amount currency } payoutBasis
          byType {
            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }
            expectedPayout { amount currency } payoutBasis
          }
          evidence { type date units state deadline source reference reconciledQuantity unreconciledQuantity amazonReconciled }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const ProductsPage = graphql(`
  query ProductsPage($first: Int) {
    products(first: $first) {
      edges { node { sku missingUnits expiredUnits nextDeadline byType { type missingUnits } evidence { units state } } }
    }
  }
`);

describe('the number of database queries of a page', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ now: new Date('2025-06-15T00:00:00Z') });
    const demo = await loadDemo(
      {
        db: server.database.db,
        clock: server.clock,
        log: createLogger('silent', { pretty: false }),
        config: server.config,
        events: server.events,
      },
      { products: 150 },
    );
    token = demo.token;
  });
  afterAll(() => server.close());

  async function queriesFor<R, V>(document: Parameters<typeof gql<R, V>>[1], variables: V) {
    server.queries.reset();
    const result = await gql(server, document, variables, token);
    expect(result.errors).toBeUndefined();
    return { count: server.queries.count, data: result.data! };
  }

  it('is the same for a page of 50 products as for a page of 5, fields and evidence included', async () => {
    const large = await queriesFor(MissingPage, { first: 50 });
    const small = await queriesFor(MissingPage, { first: 5 });
    expect(large.data.missingProducts.edges).toHaveLength(50);
    expect(small.data.missingProducts.edges).toHaveLength(5);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(6);
  });

  it('is the same for the list of all products', async () => {
    const large = await queriesFor(ProductsPage, { first: 50 });
    const small = await queriesFor(ProductsPage, { first: 5 });
    expect(large.data.products.edges).toHaveLength(50);
    expect(large.count).toBe(small.count);
  });
});
