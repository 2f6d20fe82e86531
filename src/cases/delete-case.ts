// Deleting a case (docs/rules.md section 5): as if it had never been opened, its audit log kept.
import { type Refusal, refusal } from '../domain/errors.js';
import type { Account } from '../generated/prisma/client.js';
import { ownCase, skusOfCase, writeAudit, writeDeleted } from '../store/cases.js';
import { markStale } from '../store/missing-pool.js';
import { type CaseDependencies, changeCase } from './case-change.js';

/**
 * Deletes a case: it leaves every list and total, its claimed units go back to the missing pool, and its attributed
 * reimbursements are netted again. Of two deletes at once, the second gets NOT_FOUND.
 */
export async function deleteCase(
  deps: CaseDependencies,
  account: Account,
  caseId: number,
  now: Date,
): Promise<{ ok: true } | Refusal> {
  const deleted = await changeCase(deps, account.id, now, async (sql) => {
    const found = await ownCase(sql, account.id, caseId);
    if (!found) return refusal('NOT_FOUND', `This account has no case ${caseId}`);
    await writeDeleted(sql, caseId, now);
    await writeAudit(sql, {
      at: now,
      accountId: account.id,
      caseId,
      actor: 'user',
      action: 'DELETED',
      details: { amazonCaseId: found.amazon_case_id },
    });
    await markStale(
      sql,
      account.id,
      found.items.map((item) => item.product_id),
    );
    return { kind: 'DELETED', caseId, at: now };
  });
  if (!deleted.ok) return deleted;
  deps.log.info({ caseId }, 'case deleted');
  deps.publishMissingChanged(await skusOfCase(deps.db, caseId));
  return deleted;
}
