// The cases' rows (docs/rules.md section 5): reads and writes of cases, their items, their audit log and the
// attribution of reimbursements to them. What to write, and when, is decided by the use cases of src/cases.
import type { Database, Sql } from '../db/database.js';
import type { CaseStatus, ClosedBy } from '../domain/attribution.js';
import type { CaseActor, CaseEventKind, CaseSnapshot } from '../domain/case-events.js';
import type { DescriptionLanguage } from '../domain/claims/description.js';
import type { MissingType } from '../domain/types.js';
import type { Product } from '../generated/prisma/client.js';

/** The class of the advisory locks that serialise the case changes of each account. */
const CASES_LOCK = 0x43415345;

/** Takes the account's case lock until the transaction ends: case changes commit one after the other. */
export async function lockCases(sql: Sql, accountId: number) {
  await sql.query('SELECT pg_advisory_xact_lock($1, $2)', [CASES_LOCK, accountId]);
}

/** The unique indexes that guard a case's ID and one OPEN case per product and type against two requests at once. */
export type CaseConstraint = 'case_amazon_case_id_key' | 'case_item_one_open_case_key';

export function isUniqueViolation(error: unknown, constraint: CaseConstraint): boolean {
  const details = error as { code?: string; constraint?: string; message?: string; detail?: string } | undefined;
  return (
    details?.code === '23505' &&
    (details.constraint === constraint || `${details.message ?? ''} ${details.detail ?? ''}`.includes(constraint))
  );
}

/** The account's products of these SKUs that exist, in no particular order. */
export function productsWithSkus(db: Database, accountId: number, skus: readonly string[]): Promise<Product[]> {
  return db.prisma.product.findMany({ where: { accountId, sku: { in: [...skus] } } });
}

/** Whether the account has a case (not deleted) with this Amazon case ID. */
export async function caseIdTaken(sql: Sql, accountId: number, amazonCaseId: string): Promise<boolean> {
  const [duplicate] = await sql.query(
    'SELECT 1 FROM "case" WHERE account_id = $1 AND amazon_case_id = $2 AND deleted_at IS NULL LIMIT 1',
    [accountId, amazonCaseId],
  );
  return duplicate !== undefined;
}

/** Which of the products have an OPEN case of the type. */
export async function productsWithOpenCase(
  sql: Sql,
  accountId: number,
  type: MissingType,
  productIds: readonly number[],
): Promise<Set<number>> {
  const open = await sql.query<{ product_id: number }>(
    `SELECT DISTINCT product_id FROM case_item
      WHERE account_id = $1 AND type = $2::"MissingType" AND open AND product_id = ANY($3::int[])`,
    [accountId, type, [...productIds]],
  );
  return new Set(open.map((item) => item.product_id));
}

export interface NewCase {
  accountId: number;
  amazonCaseId: string;
  type: MissingType;
  openedAt: Date;
  description: string;
  language: DescriptionLanguage;
  document: Buffer;
  items: Array<{ productId: number; claimedUnits: number; evidence: unknown; document: Buffer }>;
}

/** Writes an OPEN case and its items; returns their ids, the items' in the order given. */
export async function insertCase(sql: Sql, opened: NewCase): Promise<{ caseId: number; itemIds: number[] }> {
  const [created] = await sql.query<{ id: number }>(
    `INSERT INTO "case" (account_id, amazon_case_id, type, status, opened_at, description, language, document)
     VALUES ($1, $2, $3::"MissingType", 'OPEN', $4, $5, $6::"DescriptionLanguage", decode($7, 'base64')) RETURNING id`,
    [
      opened.accountId,
      opened.amazonCaseId,
      opened.type,
      opened.openedAt,
      opened.description,
      opened.language,
      opened.document.toString('base64'),
    ],
  );
  const itemIds: number[] = [];
  for (const item of opened.items) {
    const [inserted] = await sql.query<{ id: number }>(
      `INSERT INTO case_item (case_id, account_id, product_id, type, claimed_units, open, claims, document)
       VALUES ($1, $2, $3, $4::"MissingType", $5, true, $6::jsonb, decode($7, 'base64')) RETURNING id`,
      [
        created!.id,
        opened.accountId,
        item.productId,
        opened.type,
        item.claimedUnits,
        JSON.stringify(item.evidence),
        item.document.toString('base64'),
      ],
    );
    itemIds.push(inserted!.id);
  }
  return { caseId: created!.id, itemIds };
}

export interface OwnCase {
  status: CaseStatus;
  amazon_case_id: string;
  items: Array<{ product_id: number; reimbursed_units: number }>;
}

/** The account's case that is not deleted, with its items; undefined when it has none of this id. */
export async function ownCase(sql: Sql, accountId: number, caseId: number): Promise<OwnCase | undefined> {
  const [found] = await sql.query<{ status: CaseStatus; amazon_case_id: string }>(
    `SELECT status::text AS status, amazon_case_id FROM "case" WHERE id = $1 AND account_id = $2 AND deleted_at IS NULL`,
    [caseId, accountId],
  );
  if (!found) return undefined;
  const items = await sql.query<{ product_id: number; reimbursed_units: number }>(
    'SELECT product_id, reimbursed_units FROM case_item WHERE case_id = $1',
    [caseId],
  );
  return { ...found, items };
}

/** Closes a case by the seller's hand; its items wait for nothing any more. */
export async function writeUserClose(sql: Sql, caseId: number, status: CaseStatus, at: Date): Promise<void> {
  await sql.execute(`UPDATE "case" SET status = $2::"CaseStatus", closed_at = $3, closed_by = 'USER' WHERE id = $1`, [
    caseId,
    status,
    at,
  ]);
  await sql.execute('UPDATE case_item SET open = false WHERE case_id = $1', [caseId]);
}

/** Marks a case deleted (its rows and audit log stay); its items wait for nothing any more. */
export async function writeDeleted(sql: Sql, caseId: number, at: Date): Promise<void> {
  await sql.execute('UPDATE "case" SET deleted_at = $2 WHERE id = $1', [caseId, at]);
  await sql.execute('UPDATE case_item SET open = false WHERE case_id = $1', [caseId]);
}

/** A line of the case's history. */
export async function writeAudit(
  sql: Sql,
  entry: { at: Date; accountId: number; caseId: number; actor: CaseActor; action: CaseEventKind; details: object },
): Promise<void> {
  await sql.execute(
    'INSERT INTO case_audit (account_id, case_id, at, actor, action, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
    [entry.accountId, entry.caseId, entry.at, entry.actor, entry.action, JSON.stringify(entry.details)],
  );
}

/** The products of the cases' items. */
export async function productsOfCases(sql: Sql, accountId: number, caseIds: readonly number[]): Promise<number[]> {
  if (caseIds.length === 0) return [];
  const rows = await sql.query<{ product_id: number }>(
    'SELECT DISTINCT product_id FROM case_item WHERE account_id = $1 AND case_id = ANY($2::int[])',
    [accountId, [...new Set(caseIds)]],
  );
  return rows.map((row) => row.product_id);
}

/** The SKUs of a case's products. */
export async function skusOfCase(db: Database, caseId: number): Promise<string[]> {
  const items = await db.prisma.caseItem.findMany({ where: { caseId }, select: { productId: true } });
  const products = await db.prisma.product.findMany({ where: { id: { in: items.map((item) => item.productId) } } });
  return products.map((product) => product.sku);
}

export interface StoredCase {
  id: number;
  amazon_case_id: string;
  type: MissingType;
  status: CaseStatus;
  opened_at: Date;
  closed_at: Date | null;
  closed_by: ClosedBy | null;
}

export interface StoredItem {
  id: number;
  case_id: number;
  product_id: number;
  claimed_units: number;
  reimbursed_units: number;
  open: boolean;
}

export interface StoredLine {
  key: string;
  product_id: number;
  reimbursement_id: string;
  case_id: string | null;
  approval_date: Date;
  reason: string;
  quantity_total: number;
  amount_total: string;
  currency: string;
  original_reimbursement_id: string | null;
  original_reimbursement_type: string | null;
  sku: string;
}

export interface StoredShare {
  line_key: string;
  case_item_id: number;
  units: number;
}

/**
 * What the attribution of an account's reimbursements starts from: its cases that are not deleted and their items,
 * the shares attributed by the last sync, and the reimbursement lines of the products of its cases.
 */
export async function casesToSync(
  sql: Sql,
  accountId: number,
): Promise<{ cases: StoredCase[]; items: StoredItem[]; previous: StoredShare[]; lines: StoredLine[] }> {
  const cases = await sql.query<StoredCase>(
    `SELECT id, amazon_case_id, type::text AS type, status::text AS status, opened_at, closed_at, closed_by
       FROM "case" WHERE account_id = $1 AND deleted_at IS NULL ORDER BY id`,
    [accountId],
  );
  const items = await sql.query<StoredItem>(
    `SELECT i.id, i.case_id, i.product_id, i.claimed_units, i.reimbursed_units, i.open
       FROM case_item i JOIN "case" k ON k.id = i.case_id WHERE i.account_id = $1 AND k.deleted_at IS NULL`,
    [accountId],
  );
  const previous = await sql.query<StoredShare>(
    'SELECT line_key, case_item_id, units FROM attribution WHERE account_id = $1',
    [accountId],
  );
  const productIds = [...new Set(items.map((item) => item.product_id))];
  const lines =
    productIds.length === 0
      ? []
      : await sql.query<StoredLine>(
          `SELECT r.row_key::text || ':' || r.occurrence AS key, r.product_id, r.reimbursement_id, r.case_id,
                    r.approval_date, r.reason, r.quantity_total, r.amount_total, r.currency,
                    r.original_reimbursement_id, r.original_reimbursement_type, p.sku
             FROM reimbursement r JOIN product p ON p.id = r.product_id
             WHERE r.account_id = $1 AND r.product_id = ANY($2::int[])`,
          [accountId, productIds],
        );
  return { cases, items, previous, lines };
}

/** Replaces the account's attribution; shares of one line and item are summed. */
export async function writeAttribution(
  sql: Sql,
  accountId: number,
  shares: ReadonlyArray<StoredShare & { amount: string; currency: string }>,
): Promise<void> {
  await sql.execute('DELETE FROM attribution WHERE account_id = $1', [accountId]);
  if (shares.length === 0) return;
  await sql.execute(
    `INSERT INTO attribution (account_id, line_key, case_item_id, units, amount, currency)
       SELECT $1, s.line_key, s.case_item_id, sum(s.units), sum(s.amount), s.currency
       FROM json_to_recordset($2::json) AS s(line_key text, case_item_id int, units int, amount numeric, currency text)
       GROUP BY s.line_key, s.case_item_id, s.currency`,
    [accountId, JSON.stringify(shares)],
  );
}

export async function writeItemPayments(sql: Sql, itemId: number, reimbursedUnits: number, open: boolean) {
  await sql.execute('UPDATE case_item SET reimbursed_units = $2, open = $3 WHERE id = $1', [
    itemId,
    reimbursedUnits,
    open,
  ]);
}

export async function writeCaseOutcome(
  sql: Sql,
  caseId: number,
  outcome: { status: CaseStatus; closedAt: Date | null; closedBy: ClosedBy | null },
) {
  await sql.execute(`UPDATE "case" SET status = $2::"CaseStatus", closed_at = $3, closed_by = $4 WHERE id = $1`, [
    caseId,
    outcome.status,
    outcome.closedAt,
    outcome.closedBy,
  ]);
}

/** The products of the account's reimbursement lines of these keys. */
export async function productsOfLines(sql: Sql, accountId: number, lineKeys: readonly string[]): Promise<number[]> {
  const [found] = await sql.query<{ ids: number[] | null }>(
    `SELECT array_agg(DISTINCT product_id) AS ids FROM reimbursement
       WHERE account_id = $1 AND row_key::text || ':' || occurrence = ANY($2::text[])`,
    [accountId, [...lineKeys]],
  );
  return found?.ids ?? [];
}

/** The cases as they are now, with their items, for the messages that tell subscribers of their changes. */
export async function caseSnapshots(
  db: Database,
  accountId: number,
  caseIds: readonly number[],
): Promise<Map<number, CaseSnapshot>> {
  if (caseIds.length === 0) return new Map();
  const [cases, paid] = await Promise.all([
    db.prisma.case.findMany({
      where: { accountId, id: { in: [...caseIds] } },
      omit: { document: true },
      include: { items: { orderBy: { id: 'asc' }, omit: { document: true, claims: true } } },
    }),
    paidLinesOf(db, accountId, caseIds),
  ]);
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return new Map(
    cases.map((found) => [
      found.id,
      {
        ...found,
        openedAt: found.openedAt.toISOString(),
        closedAt: iso(found.closedAt),
        deletedAt: iso(found.deletedAt),
        createdAt: found.createdAt.toISOString(),
        reimbursements: paid
          .filter((line) => line.caseId === found.id)
          .map(({ caseId: _case, ...line }) => ({ ...line, approvalDate: line.approvalDate.toISOString() })),
      },
    ]),
  );
}

/** A reimbursement line's share that paid an item of one of the cases. */
export interface PaidLine {
  caseId: number;
  caseItemId: number;
  reimbursementId: string;
  approvalDate: Date;
  reason: string;
  sku: string;
  units: number;
  /** Decimal, as text. */
  amount: string;
  currency: string;
}

/** What paid the cases' items, in approval order (as `Case.reimbursements` lists them). */
export async function paidLinesOf(db: Database, accountId: number, caseIds: readonly number[]): Promise<PaidLine[]> {
  const rows = await db.sql.query<{
    case_id: number;
    case_item_id: number;
    reimbursement_id: string;
    approval_date: Date;
    reason: string;
    sku: string;
    units: number;
    amount: string;
    currency: string;
  }>(
    `SELECT i.case_id, a.case_item_id, r.reimbursement_id, r.approval_date, r.reason, p.sku, a.units,
            a.amount, a.currency
     FROM attribution a
     JOIN case_item i ON i.id = a.case_item_id
     JOIN reimbursement r ON r.account_id = a.account_id AND r.row_key::text || ':' || r.occurrence = a.line_key
     JOIN product p ON p.id = r.product_id
     WHERE a.account_id = $1 AND i.case_id = ANY($2::int[])
     ORDER BY r.approval_date, r.reimbursement_id, a.line_key`,
    [accountId, [...caseIds]],
  );
  return rows.map((row) => ({
    caseId: row.case_id,
    caseItemId: row.case_item_id,
    reimbursementId: row.reimbursement_id,
    approvalDate: row.approval_date,
    reason: row.reason,
    sku: row.sku,
    units: row.units,
    amount: String(row.amount),
    currency: row.currency,
  }));
}
