// RULES.md section 2: which type of missing units a reimbursement line pays, from its reason.
import type { MissingType } from './types.js';

/** Reasons compare in lower case with every character that is not a letter or digit removed. */
export function normaliseReason(reason: string): string {
  return reason.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const TYPE_BY_REASON: Readonly<Record<string, MissingType>> = {
  lostwarehouse: 'LOST',
  damagedwarehouse: 'DAMAGED',
  lostinbound: 'INBOUND',
  damagedinbound: 'INBOUND',
  customerreturn: 'UNRETURNED',
  customerserviceissue: 'UNRETURNED',
};

export const REVERSAL_REASON = 'reimbursementreversal';

export function isReversal(reason: string): boolean {
  return normaliseReason(reason) === REVERSAL_REASON;
}

/** The type a reason pays, or undefined for reversals (typed by their original) and for reasons Reclaim ignores. */
export function typeOfReason(reason: string): MissingType | undefined {
  return TYPE_BY_REASON[normaliseReason(reason)];
}
