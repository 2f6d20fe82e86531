import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type DemoFile, type DemoOptions, generateDemo } from '../src/demo/generate.js';
import type { CustomerReturnValues } from '../src/domain/reports/customer-returns.js';
import type { ShipmentValues } from '../src/domain/reports/inbound-shipments.js';
import type { LedgerValues } from '../src/domain/reports/ledger.js';
import type { ReimbursementValues } from '../src/domain/reports/reimbursements.js';
import type { RemovalOrderValues } from '../src/domain/reports/removal-orders.js';
import type { RemovalReceiptValues } from '../src/domain/reports/removal-receipts.js';
import type { RemovalShipmentValues } from '../src/domain/reports/removal-shipments.js';
import type { SettlementValues } from '../src/domain/reports/settlement.js';
import type { MissingType, ReportKind } from '../src/domain/types.js';
import { openReport, ReportProblems, type ReportRow } from '../src/ingest/read-report.js';
import { decodeText } from '../src/ingest/text.js';

const AS_OF = new Date('2025-06-15T09:30:00Z');
const MS_PER_DAY = 86_400_000;
const AS_OF_DAY = Math.floor(AS_OF.getTime() / MS_PER_DAY);

async function* textChunks(file: DemoFile): AsyncGenerator<string> {
  for await (const chunk of file.chunks()) yield chunk;
}

async function digestOf(file: DemoFile): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of textChunks(file)) hash.update(chunk);
  return hash.digest('hex');
}

async function textOf(file: DemoFile): Promise<string> {
  let text = '';
  for await (const chunk of textChunks(file)) text += chunk;
  return text;
}

interface ParsedFile {
  kind: ReportKind;
  encoding: string;
  rows: ReportRow[];
  problems: ReportProblems;
  lines: number;
}

/** Reads a generated file the way an import does: bytes, decoding, then the product's own report reader. */
async function parse(file: DemoFile): Promise<ParsedFile> {
  let lines = 0;
  async function* bytes() {
    for await (const text of textChunks(file)) {
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
      yield Buffer.from(text, 'utf8');
    }
  }
  const decoded = await decodeText(bytes());
  const problems = new ReportProblems();
  const opening = await openReport(async () => ({ type: 'text', chunks: decoded.chunks }), {
    region: 'NA',
    batchSize: 5_000,
    problems,
  });
  if (!opening.ok) throw new Error(`${file.fileName} was not recognised: ${opening.message}`);
  const rows: ReportRow[] = [];
  for await (const batch of opening.batches) for (const row of batch) rows.push(row);
  return { kind: opening.format.kind, encoding: decoded.encoding, rows, problems, lines };
}

async function parseAll(options: DemoOptions): Promise<Map<ReportKind, ParsedFile>> {
  const parsed = new Map<ReportKind, ParsedFile>();
  for (const file of generateDemo(options)) parsed.set(file.kind, await parse(file));
  return parsed;
}

function valuesOf<T>(files: Map<ReportKind, ParsedFile>, kind: ReportKind): T[] {
  return (files.get(kind)?.rows ?? []).map((row) => row.values as T);
}

// ---------------------------------------------------------------------------------------------------------------
// An independent reading of docs/rules.md sections 1, 2, 4 and 7 (no cases): the missing pool of each (SKU, type), and the
// window state of each unit on asOf.

type WindowState = 'WAITING' | 'CLAIMABLE' | 'EXPIRED';
const POLICY: Record<MissingType, { wait: number; deadline: number }> = {
  LOST: { wait: 30, deadline: 60 },
  DAMAGED: { wait: 10, deadline: 60 },
  INBOUND: { wait: 15, deadline: 60 },
  UNRETURNED: { wait: 60, deadline: 120 },
  REMOVAL: { wait: 0, deadline: 60 },
};

interface MissingEvent {
  sku: string;
  type: MissingType;
  day: number;
  units: number;
  orderId?: string;
}

function maxOf(values: readonly number[]): number {
  return values.reduce((max, value) => Math.max(max, value), Number.NEGATIVE_INFINITY);
}

function minOf(values: readonly number[]): number {
  return values.reduce((min, value) => Math.min(min, value), Number.POSITIVE_INFINITY);
}

function dayOfText(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
}

function utcDay(instant: Date): number {
  return Math.floor(instant.getTime() / MS_PER_DAY);
}

function reimbursedType(line: ReimbursementValues, byId: Map<string, ReimbursementValues>): MissingType | undefined {
  const normalised = line.reason.toLowerCase().replace(/[^a-z0-9]/g, '');
  const types: Record<string, MissingType> = {
    lostwarehouse: 'LOST',
    damagedwarehouse: 'DAMAGED',
    lostinbound: 'INBOUND',
    damagedinbound: 'INBOUND',
    customerreturn: 'UNRETURNED',
    customerserviceissue: 'UNRETURNED',
  };
  if (normalised !== 'reimbursementreversal') return types[normalised];
  const original = line.originalReimbursementType ?? byId.get(line.originalReimbursementId ?? '')?.reason;
  return original ? types[original.toLowerCase().replace(/[^a-z0-9]/g, '')] : undefined;
}

function missingEvents(files: Map<ReportKind, ParsedFile>): MissingEvent[] {
  const events: MissingEvent[] = [];
  const ledger = valuesOf<LedgerValues>(files, 'LEDGER');
  for (const row of ledger) {
    if (row.eventType !== 'Adjustments' || row.quantity >= 0) continue;
    const type =
      row.reason === 'M' || row.reason === '5'
        ? 'LOST'
        : ['E', '6', 'Q'].includes(row.reason ?? '')
          ? 'DAMAGED'
          : undefined;
    if (type) events.push({ sku: row.msku, type, day: dayOfText(row.date), units: -row.quantity });
  }
  const lastReceipt = new Map<string, number>();
  for (const row of ledger) {
    if (row.eventType === 'Receipts' && row.referenceId) {
      lastReceipt.set(row.referenceId, Math.max(lastReceipt.get(row.referenceId) ?? 0, dayOfText(row.date)));
    }
  }
  for (const shipment of valuesOf<ShipmentValues>(files, 'INBOUND_SHIPMENTS')) {
    const item = shipment.item!;
    if (shipment.status !== 'CLOSED' || item.quantityShipped <= item.quantityReceived) continue;
    const day = shipment.closedDate ? dayOfText(shipment.closedDate) : lastReceipt.get(shipment.shipmentId);
    if (day === undefined) throw new Error(`closed shipment ${shipment.shipmentId} has no date`);
    events.push({ sku: item.sku, type: 'INBOUND', day, units: item.quantityShipped - item.quantityReceived });
  }
  const refunds = new Map<string, MissingEvent>();
  for (const row of valuesOf<SettlementValues>(files, 'SETTLEMENT')) {
    const isUnit =
      row.transactionType === 'Refund' && row.amountType === 'ItemPrice' && row.amountDescription === 'Principal';
    if (!isUnit || row.fulfillmentId !== 'AFN') continue;
    const key = `${row.orderId}\t${row.sku}`;
    const event = refunds.get(key);
    if (event) event.units += row.quantityPurchased ?? 1;
    else {
      const day = utcDay(row.postedDate!);
      refunds.set(key, {
        sku: row.sku!,
        type: 'UNRETURNED',
        day,
        units: row.quantityPurchased ?? 1,
        orderId: row.orderId,
      });
    }
  }
  for (const returned of valuesOf<CustomerReturnValues>(files, 'CUSTOMER_RETURNS')) {
    const event = refunds.get(`${returned.orderId}\t${returned.sku}`);
    if (event) event.units -= returned.quantity;
  }
  for (const event of refunds.values()) if (event.units > 0) events.push(event);
  return events;
}

/** Units of the missing pool per (SKU, type), with their window state on asOf. */
function missingPool(
  files: Map<ReportKind, ParsedFile>,
  asOfDay: number,
): { sku: string; type: MissingType; state: WindowState; units: number }[] {
  const events = missingEvents(files);
  const offsets = new Map<string, number>();
  /** Units of UNRETURNED reimbursements that name an order, by (order, SKU). */
  const byOrder = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, units: number) => map.set(key, (map.get(key) ?? 0) + units);
  for (const row of valuesOf<LedgerValues>(files, 'LEDGER')) {
    const found = row.eventType === 'Adjustments' && (row.reason === 'F' || row.reason === 'N') && row.quantity > 0;
    if (found) add(offsets, `${row.msku}\tLOST`, row.quantity);
  }
  const reimbursements = valuesOf<ReimbursementValues>(files, 'REIMBURSEMENTS');
  const byId = new Map(reimbursements.map((line) => [line.reimbursementId, line]));
  for (const line of reimbursements) {
    const type = reimbursedType(line, byId);
    if (!type) continue;
    // Every unit offsets its (SKU, type); those naming an order go to that order's refund first.
    add(offsets, `${line.sku}\t${type}`, line.quantityTotal);
    if (type === 'UNRETURNED' && line.amazonOrderId)
      add(byOrder, `${line.amazonOrderId}\t${line.sku}`, line.quantityTotal);
  }
  events.sort((a, b) => a.day - b.day);
  const groups = new Map<string, MissingEvent[]>();
  for (const event of events) {
    const key = `${event.sku}\t${event.type}`;
    const group = groups.get(key) ?? [];
    group.push({ ...event });
    groups.set(key, group);
  }
  const pool: { sku: string; type: MissingType; state: WindowState; units: number }[] = [];
  for (const [key, group] of groups) {
    let rest = Math.max(0, offsets.get(key) ?? 0);
    for (const event of group) {
      const named = Math.max(0, byOrder.get(`${event.orderId}\t${event.sku}`) ?? 0);
      const consumed = Math.min(event.units, named, rest);
      event.units -= consumed;
      rest -= consumed;
    }
    for (const event of group) {
      const consumed = Math.min(event.units, rest);
      event.units -= consumed;
      rest -= consumed;
      if (event.units === 0) continue;
      const age = asOfDay - event.day;
      const { wait, deadline } = POLICY[event.type];
      const state: WindowState = age < wait ? 'WAITING' : age <= deadline ? 'CLAIMABLE' : 'EXPIRED';
      pool.push({ sku: event.sku, type: event.type, state, units: event.units });
    }
  }
  return pool;
}

function expectEveryTypeInEveryState(pool: ReturnType<typeof missingPool>): void {
  for (const type of ['LOST', 'DAMAGED', 'INBOUND', 'UNRETURNED'] as const) {
    for (const state of ['WAITING', 'CLAIMABLE', 'EXPIRED'] as const) {
      const units = pool
        .filter((unit) => unit.type === type && unit.state === state)
        .reduce((sum, unit) => sum + unit.units, 0);
      expect(units, `${type} ${state}`).toBeGreaterThan(0);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

describe('generateDemo', () => {
  it('returns the nine files in import order, with the same text for the same seed and another for another seed', async () => {
    const files = generateDemo({ asOf: AS_OF });
    expect(files.map((file) => file.kind)).toEqual([
      'PRODUCT_COSTS',
      'SETTLEMENT',
      'INBOUND_SHIPMENTS',
      'LEDGER',
      'CUSTOMER_RETURNS',
      'REIMBURSEMENTS',
      'REMOVAL_ORDERS',
      'REMOVAL_SHIPMENTS',
      'REMOVAL_RECEIPTS',
    ]);
    expect(files.map((file) => file.fileName)).toEqual([
      'demo-product-costs.tsv',
      'demo-settlement.tsv',
      'demo-inbound-shipments.tsv',
      'demo-ledger.tsv',
      'demo-customer-returns.tsv',
      'demo-reimbursements.tsv',
      'demo-removal-orders.tsv',
      'demo-removal-shipments.tsv',
      'demo-removal-receipts.tsv',
    ]);
    const again = generateDemo({ asOf: AS_OF, seed: 1 });
    const other = generateDemo({ asOf: AS_OF, seed: 2 });
    for (const [index, file] of files.entries()) {
      const digest = await digestOf(file);
      expect(await digestOf(file), `${file.fileName} read twice`).toBe(digest);
      expect(await digestOf(again[index]!), `${file.fileName} with the same seed`).toBe(digest);
      expect(await digestOf(other[index]!), `${file.fileName} with another seed`).not.toBe(digest);
    }
  });

  it('writes files that the product reads without a single problem', async () => {
    for (const file of generateDemo({ asOf: AS_OF })) {
      const parsed = await parse(file);
      expect(parsed.problems.kept, file.fileName).toEqual([]);
      expect(parsed.problems.count, file.fileName).toBe(0);
      expect(parsed.kind, file.fileName).toBe(file.kind);
      expect(parsed.encoding, file.fileName).toBe('utf-8');
      expect(parsed.rows.length, file.fileName).toBe(parsed.lines - 1);
      expect(parsed.rows.length, file.fileName).toBeGreaterThan(0);
    }
  });

  it('writes tab-separated text with unix line ends and no quoting', async () => {
    for (const file of generateDemo({ asOf: AS_OF, products: 40 })) {
      const text = await textOf(file);
      expect(text.endsWith('\n'), file.fileName).toBe(true);
      expect(text.includes('\r'), file.fileName).toBe(false);
      expect(text.includes('"'), file.fileName).toBe(false);
      const widths = new Set(
        text
          .slice(0, -1)
          .split('\n')
          .map((line) => line.split('\t').length),
      );
      expect(widths.size, file.fileName).toBe(1);
    }
  });

  it('makes the ledger about as long as asked, in chunks small enough for the young generation', async () => {
    const [ledger] = generateDemo({ asOf: AS_OF, products: 500, ledgerRows: 50_000 }).filter(
      (file) => file.kind === 'LEDGER',
    );
    let rows = -1;
    const sizes: number[] = [];
    for await (const chunk of textChunks(ledger!)) {
      sizes.push(chunk.length);
      for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', at + 1)) rows++;
    }
    expect(rows).toBeGreaterThanOrEqual(47_500);
    expect(rows).toBeLessThanOrEqual(52_500);
    expect(sizes.length).toBeGreaterThan(50);
    expect(maxOf(sizes)).toBeLessThan(128 * 1024);
    expect(minOf(sizes.slice(0, -1))).toBeGreaterThan(64 * 1024);
  });

  it('covers at least 180 days ending the day before asOf, with about 20 ledger rows per product and month', async () => {
    const files = await parseAll({ asOf: AS_OF, products: 100 });
    const days = valuesOf<LedgerValues>(files, 'LEDGER').map((row) => dayOfText(row.date));
    const [first, last] = [minOf(days), maxOf(days)];
    expect(last).toBe(AS_OF_DAY - 1);
    expect(last - first + 1).toBeGreaterThanOrEqual(180);
    const months = (last - first + 1) / 30.44;
    expect(days.length / (100 * months)).toBeGreaterThan(19);
    expect(days.length / (100 * months)).toBeLessThan(21);
    const settled = valuesOf<SettlementValues>(files, 'SETTLEMENT').flatMap((row) =>
      row.postedDate ? [utcDay(row.postedDate)] : [],
    );
    const approved = valuesOf<ReimbursementValues>(files, 'REIMBURSEMENTS').map((line) => utcDay(line.approvalDate));
    const returned = valuesOf<CustomerReturnValues>(files, 'CUSTOMER_RETURNS').map((row) => utcDay(row.returnDate));
    const closed = valuesOf<ShipmentValues>(files, 'INBOUND_SHIPMENTS').flatMap((row) =>
      row.closedDate ? [dayOfText(row.closedDate)] : [],
    );
    for (const [file, dates] of Object.entries({ settled, approved, returned, closed })) {
      expect(maxOf(dates), file).toBeLessThan(AS_OF_DAY);
      expect(minOf(dates), file).toBeGreaterThanOrEqual(first - 20);
    }
  });

  it('looks like a real seller', async () => {
    const files = await parseAll({ asOf: AS_OF });
    const ledger = valuesOf<LedgerValues>(files, 'LEDGER');
    const skus = new Set(ledger.map((row) => row.msku));
    expect(skus.size).toBeGreaterThan(290);
    for (const row of ledger) {
      expect(row.fnsku).toMatch(/^X00[A-Z0-9]{7}$/);
      expect(row.asin).toMatch(/^B0[A-Z0-9]{8}$/);
    }
    const receipts = ledger.filter((row) => row.eventType === 'Receipts');
    expect(receipts.length).toBeGreaterThan(0);
    for (const row of receipts) expect(row.referenceId).toMatch(/^FBA15[A-Z0-9]{7}$/);
    const reasons = new Set(ledger.filter((row) => row.eventType === 'Adjustments').map((row) => row.reason));
    for (const reason of ['M', '5', 'F', 'N', 'E', '6', 'Q', 'P', '7', 'H', 'K', 'D'])
      expect(reasons).toContain(reason);
    for (const type of ['Shipments', 'Receipts', 'CustomerReturns', 'Adjustments', 'WhseTransfers']) {
      expect(
        ledger.some((row) => row.eventType === type),
        type,
      ).toBe(true);
    }

    const settlement = valuesOf<SettlementValues>(files, 'SETTLEMENT');
    const summaries = settlement.filter((row) => row.transactionType === undefined);
    expect(summaries.length).toBeGreaterThanOrEqual(12);
    for (const summary of summaries) expect(summary.currency).toBe('USD');
    const sales = settlement.filter((row) => row.transactionType === 'Order' && row.amountDescription === 'Principal');
    for (const sale of sales) {
      expect(sale.orderId).toMatch(/^11[1-4]-\d{7}-\d{7}$/);
      const unitPrice = Number(sale.amount) / sale.quantityPurchased!;
      expect(unitPrice).toBeGreaterThanOrEqual(5);
      expect(unitPrice).toBeLessThanOrEqual(120);
    }
    const refunds = settlement.filter(
      (row) => row.transactionType === 'Refund' && row.amountDescription === 'Principal',
    );
    expect(refunds.some((row) => row.quantityPurchased === undefined)).toBe(true);
    expect(refunds.every((row) => Number(row.amount) < 0)).toBe(true);

    const costs = files.get('PRODUCT_COSTS')!.rows.length;
    expect(costs / skus.size).toBeGreaterThan(0.7);
    expect(costs / skus.size).toBeLessThan(0.9);

    const shipments = valuesOf<ShipmentValues>(files, 'INBOUND_SHIPMENTS');
    const statuses = new Set(shipments.map((row) => row.status));
    for (const status of ['CLOSED', 'RECEIVING']) expect(statuses).toContain(status);
    expect(shipments.some((row) => row.status === 'CLOSED' && row.closedDate === undefined)).toBe(true);

    const reimbursements = valuesOf<ReimbursementValues>(files, 'REIMBURSEMENTS');
    const reimbursedReasons = new Set(reimbursements.map((line) => line.reason));
    for (const reason of [
      'Lost_Warehouse',
      'Damaged_Warehouse',
      'Lost_Inbound',
      'Customer_Return',
      'Reimbursement_Reversal',
    ]) {
      expect(reimbursedReasons).toContain(reason);
    }
    const reversals = reimbursements.filter((line) => line.reason === 'Reimbursement_Reversal');
    for (const reversal of reversals) {
      expect(reversal.quantityTotal).toBeLessThan(0);
      expect(reimbursements.some((line) => line.reimbursementId === reversal.originalReimbursementId)).toBe(true);
    }
    expect(reimbursements.some((line) => line.quantityInventory > 0)).toBe(true);
    expect(reimbursements.every((line) => line.caseId === undefined)).toBe(true);
  });

  it('has removal orders telling every story of docs/rules.md section 10 on asOf, and receipts only for real shipments', async () => {
    const files = await parseAll({ asOf: AS_OF });
    const orders = valuesOf<RemovalOrderValues>(files, 'REMOVAL_ORDERS');
    const shipments = valuesOf<RemovalShipmentValues>(files, 'REMOVAL_SHIPMENTS');
    const receipts = valuesOf<RemovalReceiptValues>(files, 'REMOVAL_RECEIPTS');
    const count = (states: string[]) =>
      Object.fromEntries(
        ['WAITING', 'CLAIMABLE', 'EXPIRED'].map((state) => [state, states.filter((s) => s === state).length]),
      );
    // Lost before shipping: completed Return orders short of what was left to ship, claimable for 60 days.
    const lostBefore = orders.filter(
      (order) =>
        order.orderType === 'Return' &&
        order.orderStatus === 'Completed' &&
        order.requested - order.cancelled - order.disposed - order.shipped > 0,
    );
    const beforeStates = count(
      lostBefore.map((order) => (AS_OF_DAY - utcDay(order.lastUpdatedDate) <= 60 ? 'CLAIMABLE' : 'EXPIRED')),
    );
    expect(beforeStates.CLAIMABLE).toBeGreaterThan(0);
    expect(beforeStates.EXPIRED).toBeGreaterThan(0);
    // Every receipt is for a shipment of the file, and no more than it shipped.
    const shippedOf = new Map<string, { shipped: number; day: number }>();
    for (const shipment of shipments) {
      const key = `${shipment.orderId}\t${shipment.trackingNumber}\t${shipment.sku}`;
      const known = shippedOf.get(key);
      shippedOf.set(key, { shipped: (known?.shipped ?? 0) + shipment.shipped, day: utcDay(shipment.shipmentDate) });
    }
    const received = new Set<string>();
    const transitStates: string[] = [];
    let whole = 0;
    for (const receipt of receipts) {
      const key = `${receipt.orderId}\t${receipt.trackingNumber}\t${receipt.sku}`;
      const shipment = shippedOf.get(key);
      expect(shipment, key).toBeDefined();
      expect(receipt.received, key).toBeLessThanOrEqual(shipment!.shipped);
      received.add(key);
      if (receipt.received === shipment!.shipped) whole++;
      else {
        // Lost in transit: claimable from day 15 to day 75 after the shipment.
        const age = AS_OF_DAY - shipment!.day;
        transitStates.push(age < 15 ? 'WAITING' : age <= 75 ? 'CLAIMABLE' : 'EXPIRED');
      }
    }
    expect(whole).toBeGreaterThan(0);
    for (const [state, units] of Object.entries(count(transitStates)))
      expect(units, `in transit ${state}`).toBeGreaterThan(0);
    // Shipments of the last 75 days that wait for the seller's receipt (the dashboard's list).
    const waiting = [...shippedOf].filter(([key, { day }]) => !received.has(key) && AS_OF_DAY - day <= 75);
    expect(waiting.length).toBeGreaterThan(0);
    // And orders that never count.
    for (const [type, status] of [
      ['Disposal', 'Completed'],
      ['Return', 'Pending'],
      ['Return', 'Cancelled'],
    ]) {
      expect(
        orders.some((order) => order.orderType === type && order.orderStatus === status),
        `${type} ${status}`,
      ).toBe(true);
    }
    for (const order of orders) expect(utcDay(order.lastUpdatedDate)).toBeLessThan(AS_OF_DAY);
    for (const shipment of shipments) expect(utcDay(shipment.shipmentDate)).toBeLessThan(AS_OF_DAY);
  });

  it('has every type of missing units in every window state on asOf, over many products', async () => {
    const files = await parseAll({ asOf: AS_OF });
    const pool = missingPool(files, AS_OF_DAY);
    expectEveryTypeInEveryState(pool);
    const missing = new Set(pool.filter((unit) => unit.state !== 'EXPIRED').map((unit) => unit.sku));
    const claimable = new Set(pool.filter((unit) => unit.state === 'CLAIMABLE').map((unit) => unit.sku));
    expect(missing.size).toBeGreaterThan(300 / 3);
    expect(claimable.size).toBeGreaterThanOrEqual(12);
  });

  it('keeps every window state with a tiny catalogue, another seed and another asOf', async () => {
    const asOf = new Date('2026-03-09T23:59:00Z');
    const files = await parseAll({ asOf, products: 3, seed: 7 });
    expectEveryTypeInEveryState(missingPool(files, utcDay(asOf)));
  });
});
