// Removal shipments and the receipts the seller records for them (docs/rules.md section 10): the only way Reclaim learns
// that units of a removal were lost in transit.
import { GraphQLError } from 'graphql';
import { dayOf } from '../domain/calendar.js';
import { awaitingReceiptSince } from '../domain/removals.js';
import { refreshAndAnnounce } from '../jobs/announce.js';
import { type RemovalShipmentRow, recordReceipt, removalShipments, type ShipmentPosition } from '../store/removals.js';
import { builder } from './builder.js';
import { asOfOf, viewerOf } from './context.js';
import { resultOf, resultUnion } from './errors.js';
import { pageSize } from './pagination.js';
import { ProductType } from './product.js';

const RemovalShipmentType = builder.objectRef<RemovalShipmentRow>('RemovalShipment').implement({
  description:
    'One SKU of a removal shipment: what Amazon shipped back to the seller, and what the seller says arrived (docs/rules.md section 10).',
  fields: (t) => ({
    orderId: t.exposeString('orderId', { description: 'The removal order.' }),
    trackingNumber: t.exposeString('trackingNumber'),
    carrier: t.exposeString('carrier', { nullable: true }),
    shipmentDate: t.expose('shipmentDate', { type: 'DateTime' }),
    product: t.field({
      type: ProductType,
      resolve: async (shipment, _args, ctx) => ({
        product: await ctx.loaders.product.load(shipment.productId),
        asOf: ctx.clock.now(),
      }),
    }),
    shippedUnits: t.exposeInt('shippedUnits'),
    receivedUnits: t.exposeInt('receivedUnits', {
      nullable: true,
      description: 'What the seller recorded as received; null until a receipt is recorded (then nothing counts).',
    }),
  }),
});

function encodeCursor(row: RemovalShipmentRow): string {
  const position: ShipmentPosition = {
    shipmentDate: row.shipmentDate.toISOString(),
    orderId: row.orderId,
    trackingNumber: row.trackingNumber,
    sku: row.sku,
  };
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeCursor(cursor: string): ShipmentPosition {
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as ShipmentPosition;
    const fields = [position.shipmentDate, position.orderId, position.trackingNumber, position.sku];
    if (fields.every((field) => typeof field === 'string') && !Number.isNaN(Date.parse(position.shipmentDate)))
      return position;
  } catch {
    // Not JSON: refused below, like any other text that is not a cursor of this list.
  }
  throw new GraphQLError('after is not a cursor of this list', { extensions: { code: 'BAD_USER_INPUT' } });
}

builder.queryField('removalShipments', (t) =>
  t.connection(
    {
      type: RemovalShipmentType,
      description:
        "The removal shipments, the most recent first. awaitingReceipt: true lists those of the in-transit window (75 days by default, up to asOf) that still wait for the seller's receipt; false those that have one.",
      args: { awaitingReceipt: t.arg.boolean(), asOf: t.arg({ type: 'DateTime' }) },
      resolve: async (_root, args, ctx) => {
        const account = viewerOf(ctx);
        const asOfDay = dayOf(asOfOf(ctx, args.asOf));
        const awaiting = args.awaitingReceipt ?? undefined;
        const window = awaiting ? (await ctx.loaders.policy()).REMOVAL_IN_TRANSIT : undefined;
        const { rows, hasNextPage } = await removalShipments(
          ctx.db,
          account.id,
          {
            awaitingReceipt: awaiting,
            since: window ? awaitingReceiptSince(asOfDay, window) : undefined,
            until: awaiting ? asOfDay : undefined,
          },
          { first: pageSize(args.first, 50), after: args.after ? decodeCursor(args.after) : undefined },
        );
        const edges = rows.map((node) => ({ node, cursor: encodeCursor(node) }));
        return {
          edges,
          pageInfo: {
            hasNextPage,
            hasPreviousPage: args.after !== null && args.after !== undefined,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      },
    },
    { name: 'RemovalShipmentConnection' },
    { name: 'RemovalShipmentEdge' },
  ),
);

const RemovalReceiptInput = builder.inputType('RemovalReceiptInput', {
  fields: (t) => ({
    orderId: t.string({ required: true }),
    trackingNumber: t.string({ required: true }),
    sku: t.string({ required: true }),
    receivedUnits: t.int({ required: true, description: 'From 0 to the units shipped.' }),
  }),
});

const RecordRemovalReceiptSuccess = builder
  .objectRef<{ shipment: RemovalShipmentRow }>('RecordRemovalReceiptSuccess')
  .implement({
    fields: (t) => ({ shipment: t.field({ type: RemovalShipmentType, resolve: (success) => success.shipment }) }),
  });

builder.mutationField('recordRemovalReceipt', (t) =>
  t.field({
    type: resultUnion('RecordRemovalReceiptResult', RecordRemovalReceiptSuccess),
    description:
      'Records how many units of one SKU of a removal shipment arrived; a second receipt replaces the first. Fewer than shipped makes the rest REMOVAL units lost in transit. Codes: NOT_FOUND, INVALID_INPUT.',
    args: { input: t.arg({ type: RemovalReceiptInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      resultOf(async () => {
        const account = viewerOf(ctx);
        const { shipment } = await recordReceipt(ctx.db, account.id, input);
        await refreshAndAnnounce(ctx, account.id);
        ctx.log.info({ receipt: input }, 'removal receipt recorded');
        return { shipment };
      }),
  }),
);
