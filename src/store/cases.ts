// Cases (docs/rules.md section 5): the claim a case holds, opening, closing and deleting, and keeping every case in line
// with the reimbursements imported (section 3), with each change written to the case's audit log.
import type { Database, Sql } from '../db/database.js';
import { claimWorkbook } from '../documents/claim-workbook.js';
import {
  type Attribution,
  attribute,
  type CaseStatus,
  type ClosedBy,
  type LineToAttribute,
} from '../domain/attribution.js';
import { dayOf } from '../domain/calendar.js';
import { validateAmazonCaseId } from '../domain/claims/case-id.js';
import type { Claim, ClaimItem } from '../domain/claims/claim.js';
import { type DescriptionLanguage, describeClaim } from '../domain/claims/description.js';
import { DomainError } from '../domain/errors.js';
import { Decimal } from '../domain/money.js';
import { combinePayouts, partOf } from '../domain/payout.js';
import { isReversal, typeOfLine } from '../domain/reimbursement-types.js';
import type { MissingType } from '../domain/types.js';
import type { Account, Product } from '../generated/prisma/client.js';
import { accountCostBasisDay } from './accounts.js';
import { type Turn, takeTurn } from './commit-order.js';
import { markStale, refreshStaleProducts } from './missing-pool.js';
import { evidenceOf, payoutBeforeOrderOf, unitValueOf } from './missing-view.js';
import { shipmentEvidenceOf } from './shipment-evidence.js';

/** The class of the advisory locks that serialise the case changes of each account. */
const CASES_LOCK = 0x43415345;

export type CaseEventKind = 'OPENED' | 'REIMBURSEMENT_RECEIVED' | 'REIMBURSED' | 'CLOSED' | 'REOPENED' | 'DELETED';

/** A reimbursement line's share that paid an item of a case. */
export interface AttributedLine {
  reimbursementId: string;
  approvalDate: Date;
  reason: string;
  sku: string;
  units: number;
  amount: Decimal;
  currency: string;
  caseItemId: number;
}

/**
 * What of a case changes with payments, as it was right after one change: one import can pay a case twice (one
 * unit, then the rest), and a subscriber must see each step's numbers, not the last step's read later.
 */
export interface CaseState {
  status: CaseStatus;
  closedAt: Date | null;
  closedBy: ClosedBy | null;
  items: Array<{ id: number; reimbursedUnits: number }>;
  /** In approval order, as `Case.reimbursements` lists them. */
  reimbursements: AttributedLine[];
}

/** A change of a case, for the audit log and the caseUpdated subscription. */
export interface CaseEvent {
  kind: CaseEventKind;
  caseId: number;
  at: Date;
  /** The case right after the change; absent when it is the state committed with the change (a read tells it). */
  state?: CaseState;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const details = error as { code?: string; constraint?: string; message?: string; detail?: string } | undefined;
  return (
    details?.code === '23505' &&
    (details.constraint === constraint || `${details.message ?? ''} ${details.detail ?? ''}`.includes(constraint))
  );
}

async function productsBySku(db: Database, accountId: number, skus: readonly string[]): Promise<Product[]> {
  const unique = [...new Set(skus.map((sku) => sku.trim()))];
  if (unique.length === 0) throw new DomainError('INVALID_INPUT', 'A claim needs at least one SKU');
  const products = await db.prisma.product.findMany({ where: { accountId, sku: { in: unique } } });
  const unknown = unique.filter((sku) => !products.some((product) => product.sku === sku));
  if (unknown.length > 0) {
    throw new DomainError('NOT_FOUND', `This account has no product with SKU ${unknown.join(', ')}`);
  }
  // In the order asked for: the wizard starts from one product's row and adds the others.
  return unique.map((sku) => products.find((product) => product.sku === sku)!);
}

/**
 * The claim of a type for some products at asOf: every CLAIMABLE unit of each, oldest first, with its evidence and
 * its value. The products' missing pools are brought up to date first.
 */
export async function claimOf(
  db: Database,
  account: Account,
  type: MissingType,
  products: readonly Product[],
  asOfDay: string,
): Promise<Claim> {
  await refreshStaleProducts(db, account.id);
  const options = {
    accountId: account.id,
    asOfDay,
    valuation: account.valuation,
    costBasisDay: accountCostBasisDay(account),
    type,
  };
  const evidence = await evidenceOf(
    db,
    options,
    products.map((product) => product.id),
  );
  const shipments =
    type === 'INBOUND'
      ? await shipmentEvidenceOf(
          db,
          account.id,
          products.map((product) => product.id),
        )
      : undefined;
  const items = products.map((product): ClaimItem => {
    const claimable = (evidence.get(product.id) ?? []).filter((line) => line.state === 'CLAIMABLE');
    const units = claimable.reduce((sum, line) => sum + line.units, 0);
    const value = unitValueOf(product, account.valuation);
    const beforeOrder = payoutBeforeOrderOf(product, options);
    const payouts = claimable.map((line) => line.payout ?? beforeOrder);
    return {
      product: {
        sku: product.sku,
        fnsku: product.fnsku ?? undefined,
        asin: product.asin ?? undefined,
        title: product.title ?? undefined,
      },
      units,
      reimbursable: value ? { amount: value.amount.times(units), currency: value.currency } : null,
      ...combinePayouts(claimable.map((line, index) => partOf(payouts[index]!, line.units))),
      evidence: claimable.map((line, index) => ({
        eventKey: line.eventKey,
        type: line.type,
        date: line.date,
        units: line.units,
        state: line.state,
        deadline: line.deadline,
        source: line.source,
        reference: line.reference ?? undefined,
        reasonCode: line.reasonCode ?? undefined,
        fulfillmentCenter: line.fulfillmentCenter ?? undefined,
        disposition: line.disposition ?? undefined,
        payout: payouts[index],
        reconciledQuantity: line.reconciledQuantity ?? undefined,
        unreconciledQuantity: line.unreconciledQuantity ?? undefined,
        amazonReconciled: line.amazonReconciled,
        shipment: line.reference ? shipments?.get(`${product.id}:${line.reference}`) : undefined,
        trackingNumber: line.trackingNumber ?? undefined,
        carrier: line.carrier ?? undefined,
        removal: line.removal ?? undefined,
      })),
    };
  });
  return { type, sellerName: account.name, items };
}

/** The products of a draft claim, refusing unknown SKUs (NOT_FOUND). */
export function claimProducts(db: Database, accountId: number, skus: readonly string[]): Promise<Product[]> {
  return productsBySku(db, accountId, skus);
}

export function descriptionLanguageOf(account: Account): DescriptionLanguage {
  // Outside the EU, Seller Central support reads English.
  return account.region === 'EU' ? account.descriptionLanguage : 'EN';
}

export interface OpenCaseInput {
  type: MissingType;
  skus: readonly string[];
  amazonCaseId: string;
  /** When the case is opened (docs/rules.md section 5: at asOf, by default now). */
  asOf: Date;
}

/** DUPLICATE_CASE_ID when the account has a case (not deleted) with this Amazon case ID. */
async function refuseDuplicate(sql: Sql, accountId: number, amazonCaseId: string): Promise<void> {
  const [duplicate] = await sql.query(
    'SELECT 1 FROM "case" WHERE account_id = $1 AND amazon_case_id = $2 AND deleted_at IS NULL LIMIT 1',
    [accountId, amazonCaseId],
  );
  if (duplicate)
    throw new DomainError('DUPLICATE_CASE_ID', `The case ID ${amazonCaseId} is already saved for another case`);
}

/** CASE_ALREADY_OPEN, naming them, when some of the products have an OPEN case of the type. */
async function refuseAlreadyOpen(
  sql: Sql,
  accountId: number,
  type: MissingType,
  products: readonly Product[],
): Promise<void> {
  const open = await sql.query<{ product_id: number }>(
    `SELECT DISTINCT product_id FROM case_item
      WHERE account_id = $1 AND type = $2::"MissingType" AND open AND product_id = ANY($3::int[])`,
    [accountId, type, products.map((product) => product.id)],
  );
  if (open.length === 0) return;
  const skus = products
    .filter((product) => open.some((item) => item.product_id === product.id))
    .map((product) => product.sku);
  throw new DomainError(
    'CASE_ALREADY_OPEN',
    `${skus.join(', ')} already ${skus.length === 1 ? 'has' : 'have'} an OPEN ${type} case`,
  );
}

/**
 * Opens a case (docs/rules.md section 5), refusing in this order: the case ID's format (INVALID_CASE_ID), a case ID
 * already used (DUPLICATE_CASE_ID), an unknown SKU (NOT_FOUND), a product with an OPEN case of the type
 * (CASE_ALREADY_OPEN), a product with nothing claimable (NOTHING_TO_CLAIM). One refusal refuses the whole case.
 * The database enforces the second and the fourth too, against two requests at once.
 */
export async function openCase(
  db: Database,
  account: Account,
  input: OpenCaseInput,
): Promise<{ caseId: number; events: CaseEvent[] }> {
  const amazonCaseId = validateAmazonCaseId(input.amazonCaseId);
  // Checked first to refuse at once, before the claim and its documents are made; checked again under the lock.
  await refuseDuplicate(db.sql, account.id, amazonCaseId);
  const products = await productsBySku(db, account.id, input.skus);
  await refuseAlreadyOpen(db.sql, account.id, input.type, products);
  const asOfDay = dayOf(input.asOf);
  const claim = await claimOf(db, account, input.type, products, asOfDay);
  const empty = claim.items.filter((item) => item.units === 0).map((item) => item.product.sku);
  if (empty.length > 0) {
    // A case committed by another call since the first checks took these units: its refusals come first.
    await refuseDuplicate(db.sql, account.id, amazonCaseId);
    await refuseAlreadyOpen(db.sql, account.id, input.type, products);
    throw new DomainError(
      'NOTHING_TO_CLAIM',
      `${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} no ${input.type} unit to claim on ${asOfDay}`,
    );
  }
  const language = descriptionLanguageOf(account);
  const description = describeClaim(claim, language, account.region);
  const document = await claimWorkbook({ claim, region: account.region, asOfDay, amazonCaseId });
  const itemDocuments = await Promise.all(
    claim.items.map((item) =>
      claimWorkbook({ claim: { ...claim, items: [item] }, region: account.region, asOfDay, amazonCaseId }),
    ),
  );
  let caseId: number;
  const itemIds: number[] = [];
  try {
    caseId = await db.transaction(async (sql) => {
      await lockCases(sql, account.id);
      // Under the lock, the cases other calls committed are seen: of N calls at once, one opens the case and the
      // others get their refusal, as close and delete do (the unique indexes below stay the last guard).
      await refuseDuplicate(sql, account.id, amazonCaseId);
      await refuseAlreadyOpen(sql, account.id, input.type, products);
      const [created] = await sql.query<{ id: number }>(
        `INSERT INTO "case" (account_id, amazon_case_id, type, status, opened_at, description, language, document)
         VALUES ($1, $2, $3::"MissingType", 'OPEN', $4, $5, $6::"DescriptionLanguage", decode($7, 'base64')) RETURNING id`,
        [account.id, amazonCaseId, input.type, input.asOf, description, language, document.toString('base64')],
      );
      itemIds.length = 0;
      for (const [index, item] of claim.items.entries()) {
        const [inserted] = await sql.query<{ id: number }>(
          `INSERT INTO case_item (case_id, account_id, product_id, type, claimed_units, open, claims, document)
           VALUES ($1, $2, $3, $4::"MissingType", $5, true, $6::jsonb, decode($7, 'base64')) RETURNING id`,
          [
            created!.id,
            account.id,
            products[index]!.id,
            input.type,
            item.units,
            JSON.stringify(item.evidence),
            itemDocuments[index]!.toString('base64'),
          ],
        );
        itemIds.push(inserted!.id);
      }
      await audit(sql, input.asOf, account.id, created!.id, 'user', 'OPENED', {
        amazonCaseId,
        type: input.type,
        items: claim.items.map((item) => ({ sku: item.product.sku, units: item.units })),
      });
      await markStale(
        sql,
        account.id,
        products.map((product) => product.id),
      );
      return created!.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'case_amazon_case_id_key')) {
      throw new DomainError('DUPLICATE_CASE_ID', `The case ID ${amazonCaseId} is already saved for another case`);
    }
    if (isUniqueViolation(error, 'case_item_one_open_case_key')) {
      throw new DomainError('CASE_ALREADY_OPEN', `A product of this claim already has an OPEN ${input.type} case`);
    }
    throw error;
  }
  const opened: CaseState = {
    status: 'OPEN',
    closedAt: null,
    closedBy: null,
    items: itemIds.map((id) => ({ id, reimbursedUnits: 0 })),
    reimbursements: [],
  };
  const events: CaseEvent[] = [{ kind: 'OPENED', caseId, at: input.asOf, state: opened }];
  events.push(...(await syncCases(db, account.id, input.asOf)));
  return { caseId, events };
}

/**
 * The account's case that is not deleted, read inside the transaction holding the case lock: a close or delete
 * running at the same time has committed by then, so each check sees what the one before it did.
 */
async function ownCase(sql: Sql, accountId: number, caseId: number) {
  const [found] = await sql.query<{ status: CaseStatus; amazon_case_id: string }>(
    `SELECT status::text AS status, amazon_case_id FROM "case" WHERE id = $1 AND account_id = $2 AND deleted_at IS NULL`,
    [caseId, accountId],
  );
  if (!found) throw new DomainError('NOT_FOUND', `This account has no case ${caseId}`);
  const items = await sql.query<{ product_id: number; reimbursed_units: number }>(
    'SELECT product_id, reimbursed_units FROM case_item WHERE case_id = $1',
    [caseId],
  );
  return { ...found, items };
}

/** Hands a change's events to the account's subscribers. */
export type AnnounceCaseEvents = (events: CaseEvent[]) => void | Promise<void>;

/**
 * A seller's change of one case: its checks, the change and the cases' sync commit together under the account's
 * case lock, so of two changes at once the second sees the first; their events are announced in commit order.
 */
async function changeCase(
  db: Database,
  accountId: number,
  now: Date,
  announce: AnnounceCaseEvents,
  change: (sql: Sql) => Promise<CaseEvent>,
): Promise<void> {
  let turn: Turn | undefined;
  try {
    const events = await db.transaction(async (sql) => {
      await lockCases(sql, accountId);
      const changed = await change(sql);
      const synced = await syncLockedCases(sql, accountId, now);
      turn = takeTurn(db, accountId);
      return [changed, ...synced];
    });
    await refreshStaleProducts(db, accountId);
    await turn?.ready;
    await announce(events);
  } finally {
    turn?.release();
  }
}

/**
 * The seller closes an OPEN case: REIMBURSED if it received any reimbursement, else CLOSED. Its pending units are
 * written off: they are not missing any more. Of two closes at once, the second gets CASE_NOT_OPEN.
 */
export async function closeCase(
  db: Database,
  account: Account,
  caseId: number,
  now: Date,
  announce: AnnounceCaseEvents,
): Promise<void> {
  await changeCase(db, account.id, now, announce, async (sql) => {
    const found = await ownCase(sql, account.id, caseId);
    if (found.status !== 'OPEN') throw new DomainError('CASE_NOT_OPEN', `Case ${caseId} is ${found.status}, not OPEN`);
    const paid = found.items.some((item) => item.reimbursed_units > 0);
    await sql.execute(`UPDATE "case" SET status = $2::"CaseStatus", closed_at = $3, closed_by = 'USER' WHERE id = $1`, [
      caseId,
      paid ? 'REIMBURSED' : 'CLOSED',
      now,
    ]);
    await sql.execute('UPDATE case_item SET open = false WHERE case_id = $1', [caseId]);
    await audit(sql, now, account.id, caseId, 'user', 'CLOSED', { status: paid ? 'REIMBURSED' : 'CLOSED' });
    return { kind: 'CLOSED', caseId, at: now };
  });
}

/**
 * Deletes a case: it leaves every list and total, its claimed units go back to the missing pool, and its attributed
 * reimbursements are netted again, as if it had never been opened. Its audit log stays. Of two deletes at once, the
 * second gets NOT_FOUND.
 */
export async function deleteCase(
  db: Database,
  account: Account,
  caseId: number,
  now: Date,
  announce: AnnounceCaseEvents,
): Promise<void> {
  await changeCase(db, account.id, now, announce, async (sql) => {
    const found = await ownCase(sql, account.id, caseId);
    await sql.execute('UPDATE "case" SET deleted_at = $2 WHERE id = $1', [caseId, now]);
    await sql.execute('UPDATE case_item SET open = false WHERE case_id = $1', [caseId]);
    await audit(sql, now, account.id, caseId, 'user', 'DELETED', { amazonCaseId: found.amazon_case_id });
    await markStale(
      sql,
      account.id,
      found.items.map((item) => item.product_id),
    );
    return { kind: 'DELETED', caseId, at: now };
  });
}

/** A line of the case's history, at the server's "now" (RECLAIM_NOW in demos), like the event it goes with. */
async function audit(
  sql: Sql,
  at: Date,
  accountId: number,
  caseId: number,
  actor: string,
  action: string,
  details: object,
) {
  await sql.execute(
    'INSERT INTO case_audit (account_id, case_id, at, actor, action, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
    [accountId, caseId, at, actor, action, JSON.stringify(details)],
  );
}

interface StoredCase {
  id: number;
  amazon_case_id: string;
  type: MissingType;
  status: CaseStatus;
  opened_at: Date;
  closed_at: Date | null;
  closed_by: ClosedBy | null;
}

interface StoredLine {
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

/**
 * Brings every case of the account in line with the reimbursements imported (docs/rules.md sections 3 and 5): which line
 * pays which item, how much each item received, which cases are REIMBURSED, OPEN again or closed. Returns what
 * changed; the products whose netting changed are recomputed.
 */
export async function syncCases(db: Database, accountId: number, now: Date): Promise<CaseEvent[]> {
  const events = await db.transaction(async (sql) => {
    await lockCases(sql, accountId);
    return syncLockedCases(sql, accountId, now);
  });
  await refreshStaleProducts(db, accountId);
  return events;
}

/** Takes the account's case lock until the transaction ends: case changes commit one after the other. */
export async function lockCases(sql: Sql, accountId: number) {
  await sql.query('SELECT pg_advisory_xact_lock($1, $2)', [CASES_LOCK, accountId]);
}

/** syncCases' work, inside a transaction that holds the account's case lock. */
export async function syncLockedCases(sql: Sql, accountId: number, now: Date): Promise<CaseEvent[]> {
  const cases = await sql.query<StoredCase>(
    `SELECT id, amazon_case_id, type::text AS type, status::text AS status, opened_at, closed_at, closed_by
       FROM "case" WHERE account_id = $1 AND deleted_at IS NULL ORDER BY id`,
    [accountId],
  );
  const items = await sql.query<{
    id: number;
    case_id: number;
    product_id: number;
    claimed_units: number;
    reimbursed_units: number;
    open: boolean;
  }>(
    `SELECT i.id, i.case_id, i.product_id, i.claimed_units, i.reimbursed_units, i.open
       FROM case_item i JOIN "case" k ON k.id = i.case_id WHERE i.account_id = $1 AND k.deleted_at IS NULL`,
    [accountId],
  );
  const previous = await sql.query<{ line_key: string; case_item_id: number; units: number }>(
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
  const reasons = new Map<string, string[]>();
  for (const line of lines)
    reasons.set(line.reimbursement_id, [...(reasons.get(line.reimbursement_id) ?? []), line.reason]);
  const toAttribute: LineToAttribute[] = lines.map((line) => {
    const fact = {
      key: line.key,
      reimbursementId: line.reimbursement_id,
      approvalDate: line.approval_date,
      reason: line.reason,
      units: line.quantity_total,
      amount: line.amount_total,
      currency: line.currency,
      originalReimbursementId: line.original_reimbursement_id ?? undefined,
      originalReimbursementType: line.original_reimbursement_type ?? undefined,
    };
    return {
      key: line.key,
      productId: line.product_id,
      reimbursementId: line.reimbursement_id,
      caseId: line.case_id ?? undefined,
      approvalDate: line.approval_date,
      type: typeOfLine(fact, (id) => reasons.get(id) ?? []),
      units: line.quantity_total,
      amount: new Decimal(line.amount_total),
      currency: line.currency,
      reversalOf: isReversal(line.reason) ? (line.original_reimbursement_id ?? undefined) : undefined,
    };
  });
  const toAttributeCases = cases.map((c) => ({
    id: c.id,
    amazonCaseId: c.amazon_case_id,
    type: c.type,
    openedAt: c.opened_at,
    closedByUserAt: c.closed_by === 'USER' && c.closed_at ? c.closed_at : undefined,
    items: items
      .filter((item) => item.case_id === c.id)
      .map((item) => ({ id: item.id, productId: item.product_id, claimedUnits: item.claimed_units })),
  }));
  const attribution: Attribution = attribute(toAttributeCases, toAttribute);
  await sql.execute('DELETE FROM attribution WHERE account_id = $1', [accountId]);
  const shares = [...attribution.shares].flatMap(([lineKey, lineShares]) =>
    lineShares.map((share) => ({
      line_key: lineKey,
      case_item_id: share.itemId,
      units: share.units,
      amount: share.amount.toString(),
      currency: share.currency,
    })),
  );
  if (shares.length > 0) {
    await sql.execute(
      `INSERT INTO attribution (account_id, line_key, case_item_id, units, amount, currency)
         SELECT $1, s.line_key, s.case_item_id, sum(s.units), sum(s.amount), s.currency
         FROM json_to_recordset($2::json) AS s(line_key text, case_item_id int, units int, amount numeric, currency text)
         GROUP BY s.line_key, s.case_item_id, s.currency`,
      [accountId, JSON.stringify(shares)],
    );
  }

  const changes: CaseEvent[] = [];
  const stepsOf = stepsOfCases(toAttributeCases, toAttribute, lines, previous, attribution);
  for (const c of cases) {
    const outcome = attribution.cases.get(c.id)!;
    const caseItems = items.filter((item) => item.case_id === c.id);
    for (const item of caseItems) {
      const reimbursedUnits = attribution.items.get(item.id)!.reimbursedUnits;
      const open = outcome.status === 'OPEN';
      if (reimbursedUnits !== item.reimbursed_units || open !== item.open) {
        await sql.execute('UPDATE case_item SET reimbursed_units = $2, open = $3 WHERE id = $1', [
          item.id,
          reimbursedUnits,
          open,
        ]);
      }
    }
    const closedAt = outcome.closedAt ?? null;
    const statusChanged = outcome.status !== c.status;
    if (statusChanged || (closedAt?.getTime() ?? null) !== (c.closed_at?.getTime() ?? null)) {
      await sql.execute(`UPDATE "case" SET status = $2::"CaseStatus", closed_at = $3, closed_by = $4 WHERE id = $1`, [
        c.id,
        outcome.status,
        closedAt,
        outcome.closedBy ?? null,
      ]);
    }
    // One REIMBURSEMENT_RECEIVED per sync (at the first payment), and each change of status at the step it happened.
    let before = { status: c.status, units: new Map(caseItems.map((item) => [item.id, item.reimbursed_units])) };
    let received = false;
    for (const state of stepsOf(c.id)) {
      const paid = state.items.some((item) => item.reimbursedUnits > (before.units.get(item.id) ?? 0));
      if (paid && !received) {
        received = true;
        changes.push({ kind: 'REIMBURSEMENT_RECEIVED', caseId: c.id, at: now, state });
        await audit(sql, now, accountId, c.id, 'system', 'REIMBURSEMENT_RECEIVED', {
          items: state.items.map((item) => ({ itemId: item.id, reimbursedUnits: item.reimbursedUnits })),
        });
      }
      if (state.status !== before.status) {
        const kind: CaseEventKind =
          state.status === 'OPEN' ? 'REOPENED' : state.status === 'REIMBURSED' ? 'REIMBURSED' : 'CLOSED';
        changes.push({ kind, caseId: c.id, at: now, state });
        await audit(sql, now, accountId, c.id, 'system', kind, { status: state.status, closedAt: state.closedAt });
      }
      before = { status: state.status, units: new Map(state.items.map((item) => [item.id, item.reimbursedUnits])) };
    }
  }

  // Lines whose attributed units changed net differently: their products' pools must be computed again.
  const before = new Map<string, number>();
  for (const row of previous) before.set(row.line_key, (before.get(row.line_key) ?? 0) + row.units);
  const after = new Map<string, number>();
  for (const share of shares) after.set(share.line_key, (after.get(share.line_key) ?? 0) + share.units);
  const changedLines = new Set(
    [...before.keys(), ...after.keys()].filter((key) => (before.get(key) ?? 0) !== (after.get(key) ?? 0)),
  );
  const restale = new Set(lines.filter((line) => changedLines.has(line.key)).map((line) => line.product_id));
  if (changedLines.size > 0) {
    const [stray] = await sql.query<{ ids: number[] | null }>(
      `SELECT array_agg(DISTINCT product_id) AS ids FROM reimbursement
         WHERE account_id = $1 AND row_key::text || ':' || occurrence = ANY($2::text[])`,
      [accountId, [...changedLines]],
    );
    for (const id of stray?.ids ?? []) restale.add(id);
  }
  await markStale(sql, accountId, restale);
  return changes;
}

/**
 * The states each case went through in one sync, oldest first, the last being the final attribution. A step is the
 * approval instant of a line whose attribution changed (reimbursements-after-case.tsv pays one unit on 06-20, the
 * other on 06-25: two steps); the attribution of the lines approved up to it tells the case then. Steps before the
 * case's latest payment already known are not replayed: their state was told when it happened.
 */
function stepsOfCases(
  cases: ReadonlyArray<Parameters<typeof attribute>[0][number]>,
  lines: readonly LineToAttribute[],
  stored: readonly StoredLine[],
  previous: ReadonlyArray<{ line_key: string; case_item_id: number; units: number }>,
  final: Attribution,
): (caseId: number) => CaseState[] {
  const caseOfItem = new Map<number, number>();
  for (const c of cases) for (const item of c.items) caseOfItem.set(item.id, c.id);
  const storedByKey = new Map(stored.map((line) => [line.key, line]));
  const lineByKey = new Map(lines.map((line) => [line.key, line]));
  const unitsOf = (shares: Iterable<[string, number, number]>) => {
    const byLineAndItem = new Map<string, number>();
    for (const [key, itemId, units] of shares)
      byLineAndItem.set(`${key}|${itemId}`, (byLineAndItem.get(`${key}|${itemId}`) ?? 0) + units);
    return byLineAndItem;
  };
  const before = unitsOf(previous.map((row): [string, number, number] => [row.line_key, row.case_item_id, row.units]));
  const after = unitsOf(
    [...final.shares].flatMap(([key, shares]) => shares.map((s): [string, number, number] => [key, s.itemId, s.units])),
  );
  // Per case: the instants of its changed lines, and of its lines known before.
  const changedAt = new Map<number, Set<number>>();
  const knownUntil = new Map<number, number>();
  for (const pair of new Set([...before.keys(), ...after.keys()])) {
    const [key, item] = pair.split('|');
    const caseId = caseOfItem.get(Number(item));
    const line = lineByKey.get(key!);
    if (caseId === undefined || !line) continue;
    const at = line.approvalDate.getTime();
    if ((before.get(pair) ?? 0) !== (after.get(pair) ?? 0)) {
      changedAt.set(caseId, (changedAt.get(caseId) ?? new Set()).add(at));
    } else if ((before.get(pair) ?? 0) !== 0) {
      knownUntil.set(caseId, Math.max(knownUntil.get(caseId) ?? 0, at));
    }
  }
  const prefixes = new Map<number, Attribution>();
  const attributionUntil = (at: number) => {
    let found = prefixes.get(at);
    if (!found) {
      found = attribute(
        cases,
        lines.filter((line) => line.approvalDate.getTime() <= at),
      );
      prefixes.set(at, found);
    }
    return found;
  };
  const stateOf = (caseId: number, attribution: Attribution): CaseState => {
    const c = cases.find((candidate) => candidate.id === caseId)!;
    const itemIds = new Set(c.items.map((item) => item.id));
    const outcome = attribution.cases.get(caseId)!;
    const attributed: Array<{ key: string; line: AttributedLine }> = [];
    for (const [key, shares] of attribution.shares) {
      const line = storedByKey.get(key)!;
      const byItem = new Map<number, { units: number; amount: Decimal }>();
      for (const share of shares) {
        if (!itemIds.has(share.itemId)) continue;
        const sum = byItem.get(share.itemId) ?? { units: 0, amount: new Decimal(0) };
        byItem.set(share.itemId, { units: sum.units + share.units, amount: sum.amount.plus(share.amount) });
      }
      for (const [itemId, sum] of byItem) {
        attributed.push({
          key,
          line: {
            reimbursementId: line.reimbursement_id,
            approvalDate: line.approval_date,
            reason: line.reason,
            sku: line.sku,
            units: sum.units,
            amount: sum.amount,
            currency: line.currency,
            caseItemId: itemId,
          },
        });
      }
    }
    // The order of Case.reimbursements: approval, reimbursement-id, line.
    attributed.sort(
      (a, b) =>
        a.line.approvalDate.getTime() - b.line.approvalDate.getTime() ||
        a.line.reimbursementId.localeCompare(b.line.reimbursementId) ||
        a.key.localeCompare(b.key),
    );
    return {
      status: outcome.status,
      closedAt: outcome.closedAt ?? null,
      closedBy: outcome.closedBy ?? null,
      items: c.items.map((item) => ({ id: item.id, reimbursedUnits: attribution.items.get(item.id)!.reimbursedUnits })),
      reimbursements: attributed.map(({ line }) => line),
    };
  };
  return (caseId) => {
    const known = knownUntil.get(caseId) ?? Number.NEGATIVE_INFINITY;
    const instants = [...(changedAt.get(caseId) ?? [])].filter((at) => at >= known).sort((a, b) => a - b);
    // The last step is the whole attribution, whatever comes after the last changed line.
    return [...instants.slice(0, -1).map((at) => stateOf(caseId, attributionUntil(at))), stateOf(caseId, final)];
  };
}
