// Writes parsed rows into their tables, counting what was new, what changed and what was already there.
// Movement reports (ledger, reimbursements, returns, settlements) only ever add rows; shipments, costs and removals are
// state, and an import updates them.

import { copyValue } from '../db/copy-text.js';
import type { Sql } from '../db/database.js';
import { receiptProblem } from '../domain/removals.js';
import type { CustomerReturnValues } from '../domain/reports/customer-returns.js';
import type { ReportFormat } from '../domain/reports/format.js';
import type { ShipmentValues } from '../domain/reports/inbound-shipments.js';
import type { LedgerValues } from '../domain/reports/ledger.js';
import type { ProductCostValues } from '../domain/reports/product-costs.js';
import type { ReimbursementValues } from '../domain/reports/reimbursements.js';
import type { RemovalOrderValues } from '../domain/reports/removal-orders.js';
import type { RemovalReceiptValues } from '../domain/reports/removal-receipts.js';
import type { RemovalShipmentValues } from '../domain/reports/removal-shipments.js';
import type { SettlementValues } from '../domain/reports/settlement.js';
import { GatheredRows, MentionMemory } from './gathered-rows.js';
import { detached, type ProductResolver } from './products.js';
import type { ReportProblems, ReportRow } from './read-report.js';
import { identityKey, OccurrenceCounter } from './row-key.js';

export interface WriteCounts {
  inserted: number;
  updated: number;
  duplicates: number;
  /** Products whose data this import changed: their missing units must be computed again. */
  products: Set<number>;
  /** Shipments the ledger's Receipts rows name: their closed date may come from those rows. */
  receivedShipments: Set<string>;
}

export function emptyCounts(): WriteCounts {
  return { inserted: 0, updated: 0, duplicates: 0, products: new Set(), receivedShipments: new Set() };
}

export interface ImportTarget {
  accountId: number;
  importId: number;
  /** When the import was made: the closed date of last resort of a shipment first seen closed (RULES section 1). */
  importedAt: Date;
}

/**
 * Writes a file batch by batch in two steps: prepare() does the CPU work of a batch (keys, COPY text) while the
 * database is still busy with the previous batch's write(); write() then talks to the database. The database work
 * of a batch starts only after the previous batch's has finished: one failed statement must not run others.
 * finish() waits for the writing still under way and, unless `discard`, writes what write() held back (the
 * append-only tables gather batches into large COPYs); a refused file's rows are discarded.
 */
export interface RowWriter {
  prepare(rows: ReportRow[]): PreparedBatch;
  write(sql: Sql, batch: PreparedBatch, counts: WriteCounts): Promise<void>;
  finish?(sql: Sql, counts: WriteCounts, discard: boolean): Promise<void>;
}

export interface PreparedBatch {
  rows: ReportRow[];
  /** Per row, its COPY text up to its product id (the last column), which only the database can give. */
  texts?: string[];
  skus?: Array<string | undefined>;
}

interface AppendTable<Values> {
  table: string;
  columns: readonly string[];
  values(row: Values): readonly unknown[];
  sku(row: Values): string | undefined;
  /**
   * The row's day, which leads its key (identityKey) so that a file's rows are stored near each other. The
   * migrations ledger_key_day and append_key_day give stored rows the same: change them together.
   */
  day?(row: Values): string | undefined;
  /** Notes what else the row changes, besides its product. */
  notice?(row: Values, counts: WriteCounts): void;
}

const utcDay = (instant: Date | undefined) => instant?.toISOString().slice(0, 10);

/** The columns before a report's own; `product_id` comes last (see PreparedBatch). */
const KEY_COLUMNS = ['account_id', 'row_key', 'occurrence', 'import_id', 'line'] as const;

const ledgerTable: AppendTable<LedgerValues> = {
  table: 'ledger_entry',
  columns: [
    'date',
    'event_type',
    'reference_id',
    'quantity',
    'fulfillment_center',
    'disposition',
    'reason',
    'reconciled_quantity',
    'unreconciled_quantity',
  ],
  values: (r) => [
    r.date,
    r.eventType,
    r.referenceId,
    r.quantity,
    r.fulfillmentCenter,
    r.disposition,
    r.reason,
    r.reconciledQuantity,
    r.unreconciledQuantity,
  ],
  sku: (r) => r.msku,
  day: (r) => r.date,
  notice: (r, counts) => {
    const shipment = r.eventType === 'Receipts' ? r.referenceId : undefined;
    if (shipment && !counts.receivedShipments.has(shipment)) counts.receivedShipments.add(detached(shipment));
  },
};

const reimbursementTable: AppendTable<ReimbursementValues> = {
  table: 'reimbursement',
  columns: [
    'approval_date',
    'reimbursement_id',
    'case_id',
    'amazon_order_id',
    'reason',
    'fnsku',
    'asin',
    'condition',
    'currency',
    'amount_per_unit',
    'amount_total',
    'quantity_cash',
    'quantity_inventory',
    'quantity_total',
    'original_reimbursement_id',
    'original_reimbursement_type',
  ],
  values: (r) => [
    r.approvalDate,
    r.reimbursementId,
    r.caseId,
    r.amazonOrderId,
    r.reason,
    r.fnsku,
    r.asin,
    r.condition,
    r.currency,
    r.amountPerUnit,
    r.amountTotal,
    r.quantityCash,
    r.quantityInventory,
    r.quantityTotal,
    r.originalReimbursementId,
    r.originalReimbursementType,
  ],
  sku: (r) => r.sku,
  day: (r) => utcDay(r.approvalDate),
};

const customerReturnTable: AppendTable<CustomerReturnValues> = {
  table: 'customer_return',
  columns: [
    'return_date',
    'order_id',
    'fnsku',
    'asin',
    'quantity',
    'fulfillment_center_id',
    'detailed_disposition',
    'reason',
    'status',
    'license_plate_number',
    'customer_comments',
  ],
  values: (r) => [
    r.returnDate,
    r.orderId,
    r.fnsku,
    r.asin,
    r.quantity,
    r.fulfillmentCenterId,
    r.detailedDisposition,
    r.reason,
    r.status,
    r.licensePlateNumber,
    r.customerComments,
  ],
  sku: (r) => r.sku,
  day: (r) => utcDay(r.returnDate),
};

const settlementTable: AppendTable<SettlementValues> = {
  table: 'settlement_row',
  columns: [
    'settlement_id',
    'settlement_start_date',
    'settlement_end_date',
    'deposit_date',
    'total_amount',
    'currency',
    'transaction_type',
    'order_id',
    'merchant_order_id',
    'adjustment_id',
    'shipment_id',
    'marketplace_name',
    'amount_type',
    'amount_description',
    'amount',
    'fulfillment_id',
    'posted_date',
    'order_item_code',
    'merchant_order_item_id',
    'merchant_adjustment_item_id',
    'quantity_purchased',
  ],
  values: (r) => [
    r.settlementId,
    r.settlementStartDate,
    r.settlementEndDate,
    r.depositDate,
    r.totalAmount,
    r.currency,
    r.transactionType,
    r.orderId,
    r.merchantOrderId,
    r.adjustmentId,
    r.shipmentId,
    r.marketplaceName,
    r.amountType,
    r.amountDescription,
    r.amount,
    r.fulfillmentId,
    r.postedDate,
    r.orderItemCode,
    r.merchantOrderItemId,
    r.merchantAdjustmentItemId,
    r.quantityPurchased,
  ],
  sku: (r) => r.sku,
  // The summary row of a settlement has no posted date: its deposit date, or the settlement's start.
  day: (r) => utcDay(r.postedDate ?? r.depositDate ?? r.settlementStartDate),
};

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === '23505';
}

/**
 * Rows gathered into one COPY. Each COPY (under its savepoint) and each lookup of its products is a round trip, to
 * the embedded database's thread or over the network: in 500-row batches a 1M-row ledger made 2,000 of each, and the
 * product lookups alone took 12 s of its import. Much larger COPYs kept more garbage alive (peak heap 350 MB to
 * 550-650 MB with 20,000 rows) for no gain that could be told from the noise. About 750 kB of COPY text for the ledger.
 */
const COPY_ROWS = 5_000;

/**
 * Adds rows with COPY, in COPYs of COPY_ROWS rows; while one is written, the next is gathered. Most COPYs are new
 * rows, and COPY straight into the table is the fast path; a COPY that meets rows already there (an overlapping
 * re-import) is rolled back to its savepoint and goes through a staging table with ON CONFLICT DO NOTHING instead,
 * which counts the duplicates. After such a COPY the next ones go to staging directly, until one of them turns out
 * to hold no duplicate.
 */
class AppendWriter<Values> implements RowWriter {
  private readonly occurrences = new OccurrenceCounter();
  private readonly columns: readonly string[];
  /** A row's fields before they are joined into its text (one array for every row). */
  private readonly fields: unknown[];
  private staging = false;
  private stageCreated = false;
  /** What the file's rows said of their products, shared by the COPYs' gathered rows. */
  private readonly mentionMemory = new MentionMemory();
  private gathered = new GatheredRows(this.mentionMemory);
  /** The rows of the last COPY written, emptied for reuse (see GatheredRows.clear). */
  private spare: GatheredRows | undefined;
  /** The COPY being written, if any: the next one starts after it. */
  private copying: Promise<void> = Promise.resolve();

  constructor(
    private readonly spec: AppendTable<Values>,
    target: ImportTarget,
    private readonly products: ProductResolver,
    private readonly repeatedRowsAreDistinct: boolean,
  ) {
    this.columns = [...KEY_COLUMNS, ...spec.columns, 'product_id'];
    // The product id's place is left empty: the text ends with its tab.
    this.fields = new Array(this.columns.length).fill('');
    this.fields[0] = target.accountId;
    this.fields[3] = target.importId;
  }

  prepare(rows: ReportRow[]): PreparedBatch {
    const texts: string[] = new Array(rows.length);
    const skus: Array<string | undefined> = new Array(rows.length);
    const fields = this.fields;
    const first = KEY_COLUMNS.length;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const values = row.values as Values;
      skus[i] = this.spec.sku(values);
      const key = identityKey(row.identity, this.spec.day?.(values));
      fields[1] = key;
      fields[2] = this.repeatedRowsAreDistinct ? this.occurrences.next(key) : 1;
      fields[4] = row.line;
      const own = this.spec.values(values);
      for (let j = 0; j < own.length; j++) fields[first + j] = copyValue(own[j]);
      texts[i] = fields.join('\t');
    }
    return { rows, texts, skus };
  }

  /** Gathers the batch; when a COPY's worth is gathered, starts writing it (after the previous one) and returns. */
  async write(sql: Sql, batch: PreparedBatch, counts: WriteCounts): Promise<void> {
    const { rows, texts, skus } = batch as Required<PreparedBatch>;
    const gathered = this.gathered;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      this.spec.notice?.(row.values as Values, counts);
      gathered.add(texts[i]!, skus[i], row.line, row.product);
    }
    if (gathered.count < COPY_ROWS) return;
    await this.copying;
    this.gathered = this.spare ?? new GatheredRows(this.mentionMemory);
    this.spare = undefined;
    this.copying = this.copy(sql, gathered, counts).then(() => {
      gathered.clear();
      this.spare = gathered;
    });
    // Its failure is seen by the next write() or by finish(), which await it.
    this.copying.catch(() => {});
  }

  async finish(sql: Sql, counts: WriteCounts, discard: boolean): Promise<void> {
    const gathered = this.gathered;
    this.gathered = new GatheredRows(this.mentionMemory);
    // Nothing may still be running when the transaction ends, rolled back or not.
    if (discard) return this.copying.catch(() => {});
    await this.copying;
    if (gathered.count > 0) await this.copy(sql, gathered, counts);
  }

  private async copy(sql: Sql, gathered: GatheredRows, counts: WriteCounts): Promise<void> {
    const { lines, mentions } = gathered;
    const skus = gathered.distinctSkus();
    const ids = await this.products.idsFor(sql, skus);
    if (!this.staging) {
      try {
        await sql.copyFrom(this.spec.table, this.columns, gathered.copyText(ids));
        counts.inserted += gathered.count;
        // The rows' products, from their SKUs once each rather than from every row.
        for (const sku of skus) {
          const id = ids.get(sku);
          if (id !== undefined) counts.products.add(id);
        }
        for (const mention of gathered.changes) this.products.rememberShared(mention);
        return;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        this.staging = true;
      }
    }
    // The text again: copyFrom has answered, so the first one's memory is free to be written again.
    const inserted = await this.writeThroughStaging(sql, gathered.copyText(ids), counts);
    counts.inserted += inserted.size;
    counts.duplicates += gathered.count - inserted.size;
    // A duplicate changes nothing, not even what its product is called: only new rows speak for their product.
    for (let i = 0; i < mentions.length; i++) {
      const mention = mentions[i];
      if (mention && inserted.has(lines[i]!)) this.products.rememberShared(mention);
    }
    if (inserted.size === gathered.count) this.staging = false;
  }

  /** Returns the lines of the rows that were new. */
  private async writeThroughStaging(sql: Sql, data: Uint8Array, counts: WriteCounts): Promise<Set<number>> {
    const stage = `reclaim_stage_${this.spec.table}`;
    if (!this.stageCreated) {
      await sql.execute(`CREATE TEMP TABLE IF NOT EXISTS ${stage} (LIKE ${this.spec.table}) ON COMMIT DROP`);
      this.stageCreated = true;
    }
    await sql.copyFrom(stage, this.columns, data);
    const columns = this.columns.join(', ');
    const [result] = await sql.query<{ lines: number[] | null; products: number[] | null }>(
      `WITH added AS (
         INSERT INTO ${this.spec.table} (${columns}) SELECT ${columns} FROM ${stage}
         ON CONFLICT DO NOTHING RETURNING line, product_id
       )
       SELECT array_agg(line) AS lines,
              array_agg(DISTINCT product_id) FILTER (WHERE product_id IS NOT NULL) AS products FROM added`,
    );
    await sql.execute(`TRUNCATE ${stage}`);
    for (const id of result?.products ?? []) counts.products.add(id);
    return new Set(result?.lines ?? []);
  }
}

type Outcome = 'inserted' | 'updated' | 'same';

function outcomes(rows: Array<{ key: string; inserted: boolean }>, keys: Iterable<string>): Map<string, Outcome> {
  const result = new Map<string, Outcome>();
  for (const key of keys) result.set(key, 'same');
  for (const row of rows) result.set(row.key, row.inserted ? 'inserted' : 'updated');
  return result;
}

/** Shipments and their items are upserted: a row that changes nothing is a duplicate. */
class ShipmentWriter implements RowWriter {
  constructor(
    private readonly target: ImportTarget,
    private readonly products: ProductResolver,
  ) {}

  prepare(rows: ReportRow[]): PreparedBatch {
    return { rows };
  }

  async write(sql: Sql, { rows }: PreparedBatch, counts: WriteCounts): Promise<void> {
    const latest = new Map<string, ReportRow<ShipmentValues>>();
    for (const row of rows as ReportRow<ShipmentValues>[]) {
      const key = `${row.values.shipmentId}\u0001${row.values.item?.sku ?? ''}`;
      if (latest.has(key)) counts.duplicates++;
      latest.set(key, row);
    }
    const unique = [...latest.values()];
    const ids = await this.products.idsFor(
      sql,
      unique.flatMap((row) => (row.values.item ? [row.values.item.sku] : [])),
    );

    const headers = new Map<string, Record<string, unknown>>();
    for (const row of unique) {
      const { shipmentId, name, status, destinationFulfillmentCenterId, closedDate } = row.values;
      const known = headers.get(shipmentId);
      headers.set(shipmentId, {
        shipment_id: shipmentId,
        name: name ?? known?.name ?? null,
        status: status ?? known?.status ?? null,
        destination: destinationFulfillmentCenterId ?? known?.destination ?? null,
        closed_date: closedDate ?? known?.closed_date ?? null,
        line: row.line,
      });
    }
    const headerRows = await sql.query<{ key: string; inserted: boolean }>(
      `INSERT INTO shipment AS s (account_id, shipment_id, name, status, destination_fulfillment_center_id, closed_date,
                                  closed_seen_at, import_id, line, updated_at)
       SELECT $1, h.shipment_id, h.name, h.status, h.destination, h.closed_date,
              CASE WHEN h.status = 'CLOSED' THEN $3::timestamptz END, $2, h.line, now()
       FROM json_to_recordset($4::json) AS h(shipment_id text, name text, status text, destination text, closed_date date, line int)
       ON CONFLICT (account_id, shipment_id) DO UPDATE SET
         name = COALESCE(EXCLUDED.name, s.name),
         status = COALESCE(EXCLUDED.status, s.status),
         destination_fulfillment_center_id = COALESCE(EXCLUDED.destination_fulfillment_center_id, s.destination_fulfillment_center_id),
         closed_date = COALESCE(EXCLUDED.closed_date, s.closed_date),
         closed_seen_at = COALESCE(s.closed_seen_at, EXCLUDED.closed_seen_at),
         import_id = EXCLUDED.import_id, line = EXCLUDED.line, updated_at = now()
       WHERE (s.name, s.status, s.destination_fulfillment_center_id, s.closed_date)
             IS DISTINCT FROM (COALESCE(EXCLUDED.name, s.name), COALESCE(EXCLUDED.status, s.status),
                               COALESCE(EXCLUDED.destination_fulfillment_center_id, s.destination_fulfillment_center_id),
                               COALESCE(EXCLUDED.closed_date, s.closed_date))
       RETURNING s.shipment_id AS key, (xmax = 0) AS inserted`,
      [this.target.accountId, this.target.importId, this.target.importedAt, JSON.stringify([...headers.values()])],
    );
    const headerOutcome = outcomes(headerRows, headers.keys());

    const items = unique.flatMap((row) =>
      row.values.item
        ? [
            {
              shipment_id: row.values.shipmentId,
              product_id: ids.get(row.values.item.sku),
              fnsku: row.values.item.fnsku ?? null,
              shipped: row.values.item.quantityShipped,
              received: row.values.item.quantityReceived,
              line: row.line,
            },
          ]
        : [],
    );
    const itemRows =
      items.length === 0
        ? []
        : await sql.query<{ key: string; inserted: boolean }>(
            `INSERT INTO shipment_item AS i (account_id, shipment_id, product_id, fnsku, quantity_shipped, quantity_received, import_id, line)
       SELECT $1, x.shipment_id, x.product_id, x.fnsku, x.shipped, x.received, $2, x.line
       FROM json_to_recordset($3::json) AS x(shipment_id text, product_id int, fnsku text, shipped int, received int, line int)
       ON CONFLICT (account_id, shipment_id, product_id) DO UPDATE SET
         fnsku = COALESCE(EXCLUDED.fnsku, i.fnsku),
         quantity_shipped = EXCLUDED.quantity_shipped, quantity_received = EXCLUDED.quantity_received,
         import_id = EXCLUDED.import_id, line = EXCLUDED.line
       WHERE (i.quantity_shipped, i.quantity_received, i.fnsku)
             IS DISTINCT FROM (EXCLUDED.quantity_shipped, EXCLUDED.quantity_received, COALESCE(EXCLUDED.fnsku, i.fnsku))
       RETURNING i.shipment_id || '\u0001' || i.product_id AS key, (xmax = 0) AS inserted`,
            [this.target.accountId, this.target.importId, JSON.stringify(items)],
          );
    const itemOutcome = outcomes(
      itemRows,
      items.map((item) => `${item.shipment_id}\u0001${item.product_id}`),
    );

    // Products in a shipment whose header changed (it closed, say) have new numbers too.
    const changedShipments = new Set([...headerOutcome].filter(([, outcome]) => outcome !== 'same').map(([id]) => id));
    if (changedShipments.size > 0) {
      const affected = await sql.query<{ product_id: number }>(
        'SELECT DISTINCT product_id FROM shipment_item WHERE account_id = $1 AND shipment_id = ANY($2::text[])',
        [this.target.accountId, [...changedShipments]],
      );
      for (const row of affected) counts.products.add(row.product_id);
    }

    for (const row of unique) {
      const header = headerOutcome.get(row.values.shipmentId) ?? 'same';
      const item = row.values.item
        ? itemOutcome.get(`${row.values.shipmentId}\u0001${ids.get(row.values.item.sku)}`)
        : undefined;
      if (item && item !== 'same') counts.products.add(ids.get(row.values.item!.sku)!);
      const outcome =
        item === 'inserted' || (item === undefined && header === 'inserted')
          ? 'inserted'
          : item === 'updated' || header !== 'same'
            ? 'updated'
            : 'same';
      if (outcome === 'same') counts.duplicates++;
      else {
        if (outcome === 'inserted') counts.inserted++;
        else counts.updated++;
        if (row.product) this.products.remember(row.product);
      }
    }
  }
}

/** A costs file sets each product's purchase cost: a row giving the cost already known is a duplicate. */
class ProductCostWriter implements RowWriter {
  constructor(
    private readonly target: ImportTarget,
    private readonly products: ProductResolver,
  ) {}

  prepare(rows: ReportRow[]): PreparedBatch {
    return { rows };
  }

  async write(sql: Sql, { rows }: PreparedBatch, counts: WriteCounts): Promise<void> {
    const latest = new Map<string, ProductCostValues>();
    const mentions = new Map<string, ReportRow<ProductCostValues>>();
    for (const row of rows as ReportRow<ProductCostValues>[]) {
      if (latest.has(row.values.sku)) counts.duplicates++;
      latest.set(row.values.sku, row.values);
      mentions.set(row.values.sku, row);
    }
    const changed = await sql.query<{ id: number; sku: string; inserted: boolean }>(
      `INSERT INTO product AS p (account_id, sku, purchase_cost, purchase_currency)
       SELECT $1, c.sku, c.cost, c.currency FROM json_to_recordset($2::json) AS c(sku text, cost numeric, currency text)
       ON CONFLICT (account_id, sku) DO UPDATE SET
         purchase_cost = EXCLUDED.purchase_cost, purchase_currency = EXCLUDED.purchase_currency, updated_at = now()
       WHERE (p.purchase_cost, p.purchase_currency) IS DISTINCT FROM (EXCLUDED.purchase_cost, EXCLUDED.purchase_currency)
       RETURNING p.id, p.sku, (xmax = 0) AS inserted`,
      [this.target.accountId, JSON.stringify([...latest.values()])],
    );
    for (const row of changed) {
      counts.products.add(row.id);
      const product = mentions.get(row.sku)?.product;
      if (product) this.products.remember(product);
      if (row.inserted) counts.inserted++;
      else counts.updated++;
    }
    counts.duplicates += latest.size - changed.length;
  }
}

/** How one upserting report keeps its rows: the table, its columns, and when a row already there gives way. */
interface UpsertTable<Values> {
  table: string;
  /** The identity columns besides account_id and product_id. */
  identity: readonly string[];
  /** The other columns, each with its SQL type (json_to_recordset needs them). */
  columns: ReadonlyArray<readonly [name: string, type: string]>;
  values(row: Values): Record<string, unknown>;
  sku(row: Values): string;
  /** The identity of a row within the file, without its product (the SKU stands for it). */
  key(row: Values): string;
  /** Whether `row` replaces `known` of the same identity (within one batch). */
  newer?(row: Values, known: Values): boolean;
  /** A condition on the stored row `t` and the new row `EXCLUDED` for the new row to replace it. */
  replaces?: string;
}

/**
 * State reports (removal orders and shipments) upsert by identity: a row that changes nothing, or that is older than
 * the one stored, is a duplicate; a changed row is an update and its product is computed again.
 */
class UpsertWriter<Values> implements RowWriter {
  constructor(
    private readonly spec: UpsertTable<Values>,
    private readonly target: ImportTarget,
    private readonly products: ProductResolver,
  ) {}

  prepare(rows: ReportRow[]): PreparedBatch {
    return { rows };
  }

  async write(sql: Sql, { rows }: PreparedBatch, counts: WriteCounts): Promise<void> {
    const latest = new Map<string, ReportRow<Values>>();
    for (const row of rows as ReportRow<Values>[]) {
      const key = this.spec.key(row.values);
      const known = latest.get(key);
      if (known) counts.duplicates++;
      if (!known || (this.spec.newer?.(row.values, known.values) ?? true)) latest.set(key, row);
    }
    const unique = [...latest.values()];
    const ids = await this.products.idsFor(
      sql,
      unique.map((row) => this.spec.sku(row.values)),
    );
    const records = unique.map((row) => ({
      ...this.spec.values(row.values),
      product_id: ids.get(this.spec.sku(row.values)),
      line: row.line,
    }));
    const keyColumns = ['account_id', ...this.spec.identity, 'product_id'];
    const names = this.spec.columns.map(([name]) => name);
    const all = [...this.spec.identity, 'product_id', ...names];
    const recordType = [
      ...this.spec.identity.map((name) => `${name} text`),
      'product_id int',
      ...this.spec.columns.map(([name, type]) => `${name} ${type}`),
      'line int',
    ].join(', ');
    const changed = await sql.query<{ product_id: number; line: number; inserted: boolean }>(
      `INSERT INTO ${this.spec.table} AS t (account_id, ${all.join(', ')}, import_id, line)
       SELECT $1, ${all.map((name) => `r.${name}`).join(', ')}, $2, r.line
       FROM json_to_recordset($3::json) AS r(${recordType})
       ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET
         ${[...names.map((name) => `${name} = EXCLUDED.${name}`), 'import_id = EXCLUDED.import_id', 'line = EXCLUDED.line'].join(', ')}
       WHERE (${names.map((name) => `t.${name}`).join(', ')}) IS DISTINCT FROM (${names.map((name) => `EXCLUDED.${name}`).join(', ')})
         ${this.spec.replaces ? `AND ${this.spec.replaces}` : ''}
       RETURNING t.product_id, t.line, (xmax = 0) AS inserted`,
      [this.target.accountId, this.target.importId, JSON.stringify(records)],
    );
    const byLine = new Map(unique.map((row) => [row.line, row]));
    for (const row of changed) {
      counts.products.add(row.product_id);
      if (row.inserted) counts.inserted++;
      else counts.updated++;
      const product = byLine.get(row.line)?.product;
      if (product) this.products.remember(product);
    }
    counts.duplicates += unique.length - changed.length;
  }
}

const removalOrderTable: UpsertTable<RemovalOrderValues> = {
  table: 'removal_order',
  identity: ['order_id', 'disposition'],
  columns: [
    ['request_date', 'timestamptz'],
    ['order_source', 'text'],
    ['order_type', 'text'],
    ['service_speed', 'text'],
    ['order_status', 'text'],
    ['last_updated_date', 'timestamptz'],
    ['fnsku', 'text'],
    ['requested', 'int'],
    ['cancelled', 'int'],
    ['disposed', 'int'],
    ['shipped', 'int'],
    ['in_process', 'int'],
    ['removal_fee', 'numeric'],
    ['currency', 'text'],
  ],
  values: (r) => ({
    order_id: r.orderId,
    disposition: r.disposition ?? '',
    request_date: r.requestDate ?? null,
    order_source: r.orderSource ?? null,
    order_type: r.orderType,
    service_speed: r.serviceSpeed ?? null,
    order_status: r.orderStatus,
    last_updated_date: r.lastUpdatedDate,
    fnsku: r.fnsku ?? null,
    requested: r.requested,
    cancelled: r.cancelled,
    disposed: r.disposed,
    shipped: r.shipped,
    in_process: r.inProcess,
    removal_fee: r.removalFee ?? null,
    currency: r.currency ?? null,
  }),
  sku: (r) => r.sku,
  key: (r) => `${r.orderId}\u0001${r.sku}\u0001${r.disposition ?? ''}`,
  // Amazon rewrites the row as the order progresses: the latest last-updated-date wins, in a file as across files.
  newer: (row, known) => row.lastUpdatedDate >= known.lastUpdatedDate,
  replaces: 'EXCLUDED.last_updated_date >= t.last_updated_date',
};

const removalShipmentTable: UpsertTable<RemovalShipmentValues> = {
  table: 'removal_shipment',
  identity: ['order_id', 'tracking_number', 'disposition'],
  columns: [
    ['request_date', 'timestamptz'],
    ['shipment_date', 'timestamptz'],
    ['fnsku', 'text'],
    ['shipped', 'int'],
    ['carrier', 'text'],
    ['removal_order_type', 'text'],
  ],
  values: (r) => ({
    order_id: r.orderId,
    tracking_number: r.trackingNumber,
    disposition: r.disposition ?? '',
    request_date: r.requestDate ?? null,
    shipment_date: r.shipmentDate,
    fnsku: r.fnsku ?? null,
    shipped: r.shipped,
    carrier: r.carrier ?? null,
    removal_order_type: r.removalOrderType ?? null,
  }),
  sku: (r) => r.sku,
  key: (r) => `${r.orderId}\u0001${r.trackingNumber}\u0001${r.sku}\u0001${r.disposition ?? ''}`,
};

/**
 * A receipts file records what the seller received of each removal shipment, row by row as recordRemovalReceipt
 * does: a receipt already recorded is replaced (an update), the same receipt again is a duplicate. A row naming a
 * shipment that was never imported, or more units than it shipped, is a problem of its line: the file is refused.
 */
class RemovalReceiptWriter implements RowWriter {
  constructor(
    private readonly target: ImportTarget,
    private readonly problems: ReportProblems,
  ) {}

  prepare(rows: ReportRow[]): PreparedBatch {
    return { rows };
  }

  async write(sql: Sql, { rows }: PreparedBatch, counts: WriteCounts): Promise<void> {
    const latest = new Map<string, ReportRow<RemovalReceiptValues>>();
    for (const row of rows as ReportRow<RemovalReceiptValues>[]) {
      const key = `${row.values.orderId}\u0001${row.values.trackingNumber}\u0001${row.values.sku}`;
      if (latest.has(key)) counts.duplicates++;
      latest.set(key, row);
    }
    const unique = [...latest.values()];
    const shipments = await sql.query<{ line: number; product_id: number | null; shipped: number | null }>(
      `SELECT r.line, p.id AS product_id, s.shipped
       FROM json_to_recordset($2::json) AS r(order_id text, tracking_number text, sku text, line int)
       LEFT JOIN product p ON p.account_id = $1 AND p.sku = r.sku
       LEFT JOIN LATERAL (
         SELECT sum(x.shipped)::int AS shipped FROM removal_shipment x
         WHERE x.account_id = $1 AND x.product_id = p.id AND x.order_id = r.order_id
           AND x.tracking_number = r.tracking_number
       ) s ON true`,
      [
        this.target.accountId,
        JSON.stringify(
          unique.map(({ values, line }) => ({
            order_id: values.orderId,
            tracking_number: values.trackingNumber,
            sku: values.sku,
            line,
          })),
        ),
      ],
    );
    const byLine = new Map(shipments.map((shipment) => [shipment.line, shipment]));
    const records: Array<{ order_id: string; tracking_number: string; product_id: number; received: number }> = [];
    for (const { values, line } of unique) {
      const shipment = byLine.get(line);
      if (shipment?.product_id == null || shipment.shipped === null) {
        this.problems.add({
          line,
          column: 'tracking-number',
          message: `there is no shipment ${values.trackingNumber} of removal order ${values.orderId} with SKU ${values.sku} in the imported removal shipments: import the Removal Shipment Detail report first, or check the order, tracking number and SKU`,
        });
        continue;
      }
      const problem = receiptProblem(shipment.shipped, values.received);
      if (problem) {
        this.problems.add({
          line,
          column: 'received-quantity',
          message: `shipment ${values.trackingNumber} of removal order ${values.orderId}, SKU ${values.sku}: ${problem}`,
        });
        continue;
      }
      records.push({
        order_id: values.orderId,
        tracking_number: values.trackingNumber,
        product_id: shipment.product_id,
        received: values.received,
      });
    }
    // A refused file writes nothing (the import's transaction is rolled back): the problems are all it gives.
    if (this.problems.count > 0) return;
    const changed = await sql.query<{ product_id: number; inserted: boolean }>(
      `INSERT INTO removal_receipt AS t (account_id, order_id, tracking_number, product_id, received_units, recorded_at)
       SELECT $1, r.order_id, r.tracking_number, r.product_id, r.received, now()
       FROM json_to_recordset($2::json) AS r(order_id text, tracking_number text, product_id int, received int)
       ON CONFLICT (account_id, order_id, tracking_number, product_id) DO UPDATE SET
         received_units = EXCLUDED.received_units, recorded_at = EXCLUDED.recorded_at
       WHERE t.received_units IS DISTINCT FROM EXCLUDED.received_units
       RETURNING t.product_id, (xmax = 0) AS inserted`,
      [this.target.accountId, JSON.stringify(records)],
    );
    for (const row of changed) {
      counts.products.add(row.product_id);
      if (row.inserted) counts.inserted++;
      else counts.updated++;
    }
    counts.duplicates += records.length - changed.length;
  }
}

export function writerFor(
  format: ReportFormat<unknown, string>,
  target: ImportTarget,
  products: ProductResolver,
  problems: ReportProblems,
): RowWriter {
  const distinct = format.repeatedRowsAreDistinct;
  switch (format.kind) {
    case 'LEDGER':
      return new AppendWriter(ledgerTable, target, products, distinct);
    case 'REIMBURSEMENTS':
      return new AppendWriter(reimbursementTable, target, products, distinct);
    case 'CUSTOMER_RETURNS':
      return new AppendWriter(customerReturnTable, target, products, distinct);
    case 'SETTLEMENT':
      return new AppendWriter(settlementTable, target, products, distinct);
    case 'INBOUND_SHIPMENTS':
      return new ShipmentWriter(target, products);
    case 'PRODUCT_COSTS':
      return new ProductCostWriter(target, products);
    case 'REMOVAL_ORDERS':
      return new UpsertWriter(removalOrderTable, target, products);
    case 'REMOVAL_SHIPMENTS':
      return new UpsertWriter(removalShipmentTable, target, products);
    case 'REMOVAL_RECEIPTS':
      return new RemovalReceiptWriter(target, problems);
  }
}
