// Keeping every case of an account in line with the reimbursements imported (docs/rules.md sections 3 and 5): which
// line pays which item, how much each item received, which cases are REIMBURSED, OPEN again or closed, each change
// written to the case's audit log and returned as an event, and the products whose netting changed marked stale.
import type { Database, Sql } from '../db/database.js';
import { type Attribution, attribute, type LineToAttribute } from '../domain/attribution.js';
import { type AttributedLine, type CaseEvent, type CaseState, kindOfStatusChange } from '../domain/case-events.js';
import { Decimal } from '../domain/money.js';
import { isReversal, typeOfLine } from '../domain/reimbursement-types.js';
import {
  casesToSync,
  lockCases,
  productsOfCases,
  productsOfLines,
  type StoredLine,
  type StoredShare,
  writeAttribution,
  writeAudit,
  writeCaseOutcome,
  writeItemPayments,
} from '../store/cases.js';
import { markStale, refreshStaleProducts } from '../store/missing-pool.js';

/**
 * Brings the account's cases in line with its reimbursements; returns what changed, for the caller to announce. The
 * products of `awaiting` (a seller's change) and of the cases that changed have their new numbers when it returns.
 */
export async function syncCases(
  db: Database,
  accountId: number,
  now: Date,
  awaiting: readonly number[] = [],
): Promise<CaseEvent[]> {
  const { events, products } = await db.transaction(async (sql) => {
    await lockCases(sql, accountId);
    const events = await syncLockedCases(sql, accountId, now);
    return {
      events,
      products: await productsOfCases(
        sql,
        accountId,
        events.map((event) => event.caseId),
      ),
    };
  });
  await refreshStaleProducts(db, accountId, { awaiting: [...awaiting, ...products] });
  return events;
}

/** The cases' reimbursement lines as attribute() reads them. */
function linesToAttribute(lines: readonly StoredLine[]): LineToAttribute[] {
  const reasons = new Map<string, string[]>();
  for (const line of lines)
    reasons.set(line.reimbursement_id, [...(reasons.get(line.reimbursement_id) ?? []), line.reason]);
  return lines.map((line) => {
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
}

/** syncCases' work, inside a transaction that holds the account's case lock (lockCases). */
export async function syncLockedCases(sql: Sql, accountId: number, now: Date): Promise<CaseEvent[]> {
  const { cases, items, previous, lines } = await casesToSync(sql, accountId);
  const toAttribute = linesToAttribute(lines);
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
  const shares = [...attribution.shares].flatMap(([lineKey, lineShares]) =>
    lineShares.map((share) => ({
      line_key: lineKey,
      case_item_id: share.itemId,
      units: share.units,
      amount: share.amount.toString(),
      currency: share.currency,
    })),
  );
  await writeAttribution(sql, accountId, shares);

  const changes: CaseEvent[] = [];
  const stepsOf = stepsOfCases(toAttributeCases, toAttribute, lines, previous, attribution);
  for (const c of cases) {
    const outcome = attribution.cases.get(c.id)!;
    const caseItems = items.filter((item) => item.case_id === c.id);
    for (const item of caseItems) {
      const reimbursedUnits = attribution.items.get(item.id)!.reimbursedUnits;
      const open = outcome.status === 'OPEN';
      if (reimbursedUnits !== item.reimbursed_units || open !== item.open) {
        await writeItemPayments(sql, item.id, reimbursedUnits, open);
      }
    }
    const closedAt = outcome.closedAt ?? null;
    const statusChanged = outcome.status !== c.status;
    if (statusChanged || (closedAt?.getTime() ?? null) !== (c.closed_at?.getTime() ?? null)) {
      await writeCaseOutcome(sql, c.id, { status: outcome.status, closedAt, closedBy: outcome.closedBy ?? null });
    }
    // One REIMBURSEMENT_RECEIVED per sync (at the first payment), and each change of status at the step it happened.
    let before = { status: c.status, units: new Map(caseItems.map((item) => [item.id, item.reimbursed_units])) };
    let received = false;
    for (const state of stepsOf(c.id)) {
      const paid = state.items.some((item) => item.reimbursedUnits > (before.units.get(item.id) ?? 0));
      const entry = { at: now, accountId, caseId: c.id, actor: 'system' } as const;
      if (paid && !received) {
        received = true;
        changes.push({ kind: 'REIMBURSEMENT_RECEIVED', caseId: c.id, at: now, state });
        await writeAudit(sql, {
          ...entry,
          action: 'REIMBURSEMENT_RECEIVED',
          details: { items: state.items.map((item) => ({ itemId: item.id, reimbursedUnits: item.reimbursedUnits })) },
        });
      }
      if (state.status !== before.status) {
        const kind = kindOfStatusChange(state.status);
        changes.push({ kind, caseId: c.id, at: now, state });
        await writeAudit(sql, { ...entry, action: kind, details: { status: state.status, closedAt: state.closedAt } });
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
    for (const id of await productsOfLines(sql, accountId, [...changedLines])) restale.add(id);
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
  previous: readonly StoredShare[],
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
