// docs/rules.md section 2: which type of missing units a reimbursement line pays, from its reason.
import type { MissingType } from './types.js';

/** Reasons compare in lower case with every character that is not a letter or digit removed. */
export function normaliseReason(reason: string): string {
  return reason.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export const TYPE_BY_REASON: ReadonlyMap<string, MissingType> = new Map([
  ['lostwarehouse', 'LOST'],
  ['damagedwarehouse', 'DAMAGED'],
  ['lostinbound', 'INBOUND'],
  ['damagedinbound', 'INBOUND'],
  ['customerreturn', 'UNRETURNED'],
  ['customerserviceissue', 'UNRETURNED'],
  ['removalorderlost', 'REMOVAL'],
  ['removalorderdamaged', 'REMOVAL'],
]);

export const REVERSAL_REASON = 'reimbursementreversal';

export function isReversal(reason: string): boolean {
  return normaliseReason(reason) === REVERSAL_REASON;
}

/** The type a reason pays, or undefined for reversals (typed by their original) and for reasons Reclaim ignores. */
export function typeOfReason(reason: string): MissingType | undefined {
  return TYPE_BY_REASON.get(normaliseReason(reason));
}

/** A reimbursement line, as the reimbursements report gives it. Units and amount are negative for reversals. */
export interface ReimbursementFact {
  /** The line's identity in the reimbursements table. */
  key: string;
  reimbursementId: string;
  approvalDate: Date;
  caseId?: string;
  orderId?: string;
  reason: string;
  /** quantity-reimbursed-total: cash and inventory. */
  units: number;
  amount: string;
  currency: string;
  originalReimbursementId?: string;
  originalReimbursementType?: string;
}

/**
 * The type a line pays. A reversal takes its original's type: the type its original-reimbursement-type names, else
 * the type of the line its original-reimbursement-id names. Undefined for lines Reclaim ignores (kept, never counted).
 */
export function typeOfLine(
  line: ReimbursementFact,
  reasonsOfReimbursement: (reimbursementId: string) => readonly string[],
): MissingType | undefined {
  if (!isReversal(line.reason)) return typeOfReason(line.reason);
  if (line.originalReimbursementType) {
    const named = typeOfReason(line.originalReimbursementType);
    if (named) return named;
  }
  if (!line.originalReimbursementId) return undefined;
  for (const reason of reasonsOfReimbursement(line.originalReimbursementId)) {
    const type = typeOfReason(reason);
    if (type) return type;
  }
  return undefined;
}
