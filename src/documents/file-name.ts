// The name a claim's Excel file is downloaded under: the type, the product (the first SKU and "+N" for N more), the
// Amazon case ID once there is one, and the day. Two claims of one type on one day get two names, and a seller finds
// a file again from its name.
import type { Day } from '../domain/calendar.js';
import type { MissingType } from '../domain/types.js';

export interface ClaimFileNameInput {
  type: MissingType;
  /** The claim's SKUs, in the claim's order. */
  skus: readonly string[];
  amazonCaseId?: string;
  day: Day;
}

// A SKU may hold any character: what a file name or a Content-Disposition header cannot carry becomes "_".
const UNSAFE = /[^A-Za-z0-9._-]/g;
const LONGEST_SKU = 60;

function safe(part: string): string {
  return part.replace(UNSAFE, '_').slice(0, LONGEST_SKU);
}

export function claimFileName({ type, skus, amazonCaseId, day }: ClaimFileNameInput): string {
  const parts = ['reclaim-claim', type.toLowerCase()];
  if (skus.length > 0) parts.push(`${safe(skus[0]!)}${skus.length > 1 ? `+${skus.length - 1}` : ''}`);
  if (amazonCaseId) parts.push(`case-${safe(amazonCaseId)}`);
  parts.push(safe(day));
  return `${parts.join('-')}.xlsx`;
}
