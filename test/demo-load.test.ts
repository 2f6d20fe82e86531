// The demo seller as `npm start` loads it, through the real import pipeline: its removals make REMOVAL rows in every
// window state the rules give them, and its dashboard has removal shipments waiting for the seller's receipt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load.js';
import { createLogger } from '../src/logger.js';
import { graphql } from './gql/index.js';
import { gql, startServer, type TestServer } from './support/server.js';

const AS_OF = '2025-06-15T00:00:00Z';

const RemovalView = graphql(`
  query DemoRemovals($asOf: DateTime) {
    missingProducts(asOf: $asOf, first: 100) {
      edges { node { sku byType { type missingUnits claimableUnits } evidence(type: REMOVAL) { state source } } }
      pageInfo { hasNextPage }
    }
    removalShipments(awaitingReceipt: true, asOf: $asOf, first: 100) {
      edges { node { orderId trackingNumber carrier shippedUnits receivedUnits } }
    }
    imports(first: 20) { edges { node { kind status rows inserted } } }
  }
`);

describe('the demo seller, loaded', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ now: new Date(AS_OF) });
    const demo = await loadDemo(
      {
        db: server.database.db,
        clock: server.clock,
        log: createLogger('silent', { pretty: false }),
        config: server.config,
        events: server.events,
      },
      { products: 60 },
    );
    token = demo.token;
  });
  afterAll(() => server.close());

  it('imports its removal orders, shipments and receipts, and shows REMOVAL units lost before shipping and in transit', async () => {
    const result = await gql(server, RemovalView, { asOf: AS_OF }, token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const { missingProducts, removalShipments, imports } = result.data!;
    // Every product with missing units is on this one page.
    expect(missingProducts.pageInfo.hasNextPage).toBe(false);
    for (const kind of ['REMOVAL_ORDERS', 'REMOVAL_SHIPMENTS', 'REMOVAL_RECEIPTS']) {
      const made = imports.edges.map((edge) => edge.node).find((node) => node.kind === kind);
      expect(made, kind).toMatchObject({ status: 'SUCCEEDED' });
      expect(made!.inserted, kind).toBeGreaterThan(0);
    }
    const evidence = missingProducts.edges.flatMap((edge) => edge.node.evidence);
    const seen = new Set(evidence.map((line) => `${line.source} ${line.state}`));
    for (const pair of [
      'REMOVAL_ORDER CLAIMABLE',
      'REMOVAL_ORDER EXPIRED',
      'REMOVAL_SHIPMENT WAITING',
      'REMOVAL_SHIPMENT CLAIMABLE',
      'REMOVAL_SHIPMENT EXPIRED',
    ]) {
      expect(seen, pair).toContain(pair);
    }
    const removalRows = missingProducts.edges.flatMap((edge) =>
      edge.node.byType.filter((row) => row.type === 'REMOVAL'),
    );
    expect(removalRows.some((row) => row.claimableUnits > 0)).toBe(true);
    // The dashboard's "waiting for your receipt" list: shipments of the last 75 days without a receipt.
    expect(removalShipments.edges.length).toBeGreaterThan(0);
    for (const { node } of removalShipments.edges) expect(node.receivedUnits).toBeNull();
  });
});
