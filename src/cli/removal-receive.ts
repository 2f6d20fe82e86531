// `reclaim removal receive ORDER TRACKING SKU UNITS`: what arrived of one SKU of a removal shipment (docs/rules.md
// section 10), as recordRemovalReceipt. Beside a running server, through its GraphQL API; else on the database.
import { InvalidArgumentError } from 'commander';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { withRuntime } from './direct.js';
import { printLine, tokenOf } from './options.js';
import { request } from './remote.js';
import { targetOf } from './target.js';

const RecordReceipt = `mutation CliRecordRemovalReceipt($input: RemovalReceiptInput!) {
  recordRemovalReceipt(input: $input) {
    __typename
    ... on RecordRemovalReceiptSuccess { shipment { orderId trackingNumber product { sku } shippedUnits receivedUnits } }
    ... on Error { code message }
  }
}`;

interface Shipment {
  orderId: string;
  trackingNumber: string;
  sku: string;
  shippedUnits: number;
  receivedUnits: number | null;
}

type RecordReceiptAnswer = {
  recordRemovalReceipt:
    | {
        __typename: 'RecordRemovalReceiptSuccess';
        shipment: Omit<Shipment, 'sku'> & { product: { sku: string } };
      }
    | { __typename: string; code: ErrorCode; message: string };
};

export async function removalReceive(
  orderId: string,
  trackingNumber: string,
  sku: string,
  units: number,
  options: { account?: string; url?: string },
) {
  const token = tokenOf(options);
  const input = { orderId, trackingNumber, sku, receivedUnits: units };
  const target = await targetOf(options);
  if (target.kind === 'server') {
    const { recordRemovalReceipt: answer } = await request<RecordReceiptAnswer>(
      { url: target.url, token, why: target.why },
      RecordReceipt,
      { input },
    );
    if (!('shipment' in answer)) throw new DomainError(answer.code, answer.message);
    const { product, ...shipment } = answer.shipment;
    printLine({ ...shipment, sku: product.sku });
    return;
  }
  const [{ accountForToken }, { recordReceipt }, { refreshStaleProducts }] = await Promise.all([
    import('../store/accounts.js'),
    import('../store/removals.js'),
    import('../store/missing-pool.js'),
  ]);
  await withRuntime('reclaim removal receive', async ({ db }) => {
    const account = await accountForToken(db, token);
    if (!account) throw new InvalidArgumentError('the account token is unknown or was revoked');
    const { shipment } = await recordReceipt(db, account.id, input);
    await refreshStaleProducts(db, account.id);
    printLine({
      orderId: shipment.orderId,
      trackingNumber: shipment.trackingNumber,
      shippedUnits: shipment.shippedUnits,
      receivedUnits: shipment.receivedUnits,
      sku: shipment.sku,
    });
  });
}
