// Closing a case by hand (docs/rules.md section 5): the seller's close of an OPEN case, its pending units written off.
import { closeByUser } from '../domain/case-rules.js';
import { type Refusal, refusal } from '../domain/errors.js';
import type { Account } from '../generated/prisma/client.js';
import { ownCase, skusOfCase, writeAudit, writeUserClose } from '../store/cases.js';
import { type CaseDependencies, changeCase } from './case-change.js';

/**
 * The seller closes an OPEN case: REIMBURSED if it received any reimbursement, else CLOSED. NOT_FOUND when the account
 * has no such case; of two closes at once, the second gets CASE_NOT_OPEN.
 */
export async function closeCase(
  deps: CaseDependencies,
  account: Account,
  caseId: number,
  now: Date,
): Promise<{ ok: true } | Refusal> {
  const closed = await changeCase(deps, account.id, now, async (sql) => {
    const found = await ownCase(sql, account.id, caseId);
    if (!found) return refusal('NOT_FOUND', `This account has no case ${caseId}`);
    const paid = found.items.some((item) => item.reimbursed_units > 0);
    const decided = closeByUser({ id: caseId, status: found.status }, paid);
    if (!decided.ok) return decided;
    await writeUserClose(sql, caseId, decided.status, now);
    await writeAudit(sql, {
      at: now,
      accountId: account.id,
      caseId,
      actor: 'user',
      action: 'CLOSED',
      details: { status: decided.status },
    });
    return { kind: 'CLOSED', caseId, at: now };
  });
  if (!closed.ok) return closed;
  deps.log.info({ caseId }, 'case closed');
  deps.publishMissingChanged(await skusOfCase(deps.db, caseId));
  return closed;
}
