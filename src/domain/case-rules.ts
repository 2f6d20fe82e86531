// docs/rules.md section 5: the refusals of opening a case, in their order, and closing a case by hand.
import type { CaseStatus } from './attribution.js';
import { amazonCaseIdOf } from './claims/case-id.js';
import { type Refusal, refusal } from './errors.js';
import type { MissingType } from './types.js';

/** The SKUs a claim asks for, as it names them: trimmed, each once, in the order given. */
export function claimSkus(skus: readonly string[]): string[] {
  return [...new Set(skus.map((sku) => sku.trim()))];
}

export function noSkuRefusal(): Refusal {
  return refusal('INVALID_INPUT', 'A claim needs at least one SKU');
}

export function unknownSkusRefusal(unknown: readonly string[]): Refusal {
  return refusal('NOT_FOUND', `This account has no product with SKU ${unknown.join(', ')}`);
}

function were(skus: readonly string[]): string {
  return skus.length === 1 ? 'has' : 'have';
}

/**
 * What is known of a request to open a case. The facts after the case ID are learnt from the database one after the
 * other, each only once the refusals before it have passed (the claim, the last, is costly to make); a fact not known
 * yet is undefined.
 */
export interface OpenCaseFacts {
  type: MissingType;
  /** The UTC day of asOf. */
  asOfDay: string;
  /** As the seller typed it. */
  amazonCaseId: string;
  /** As the seller gave them. */
  skus: readonly string[];
  /** Whether a case of the account that is not deleted has this case ID. */
  caseIdTaken?: boolean;
  /** The claim's SKUs (claimSkus) that are no product of the account. */
  unknownSkus?: readonly string[];
  /** The claim's SKUs whose product has an OPEN case of the type. */
  skusWithOpenCase?: readonly string[];
  /** The claim's SKUs whose product has no CLAIMABLE unit of the type on asOfDay. */
  skusWithNothingToClaim?: readonly string[];
}

/**
 * The first refusal that applies, in the order of docs/rules.md section 5: INVALID_CASE_ID, DUPLICATE_CASE_ID, NOT_FOUND
 * (INVALID_INPUT before it when there is no SKU at all), CASE_ALREADY_OPEN, NOTHING_TO_CLAIM. Undefined when none of
 * the facts known refuses: with every fact known, the case may be opened.
 */
export function openCaseRefusal(facts: OpenCaseFacts): Refusal | undefined {
  const caseId = amazonCaseIdOf(facts.amazonCaseId);
  if (caseId === undefined) {
    return refusal(
      'INVALID_CASE_ID',
      `"${facts.amazonCaseId}" is not a Seller Central case ID: it is the number Seller Central gave the case, 8 to 12 digits`,
    );
  }
  if (facts.caseIdTaken === undefined) return undefined;
  if (facts.caseIdTaken) return duplicateCaseIdRefusal(caseId);
  if (claimSkus(facts.skus).length === 0) return noSkuRefusal();
  if (facts.unknownSkus === undefined) return undefined;
  if (facts.unknownSkus.length > 0) return unknownSkusRefusal(facts.unknownSkus);
  if (facts.skusWithOpenCase === undefined) return undefined;
  if (facts.skusWithOpenCase.length > 0) {
    const skus = facts.skusWithOpenCase;
    return refusal('CASE_ALREADY_OPEN', `${skus.join(', ')} already ${were(skus)} an OPEN ${facts.type} case`);
  }
  if (facts.skusWithNothingToClaim === undefined) return undefined;
  if (facts.skusWithNothingToClaim.length > 0) {
    const skus = facts.skusWithNothingToClaim;
    return refusal(
      'NOTHING_TO_CLAIM',
      `${skus.join(', ')} ${were(skus)} no ${facts.type} unit to claim on ${facts.asOfDay}`,
    );
  }
  return undefined;
}

export function duplicateCaseIdRefusal(amazonCaseId: string): Refusal {
  return refusal('DUPLICATE_CASE_ID', `The case ID ${amazonCaseId} is already saved for another case`);
}

/**
 * The seller closes a case by hand: only an OPEN case, which becomes REIMBURSED if any of its items received anything,
 * CLOSED otherwise (its pending units are written off).
 */
export function closeByUser(
  found: { id: number; status: CaseStatus },
  paid: boolean,
): { ok: true; status: 'REIMBURSED' | 'CLOSED' } | Refusal {
  if (found.status !== 'OPEN') return refusal('CASE_NOT_OPEN', `Case ${found.id} is ${found.status}, not OPEN`);
  return { ok: true, status: paid ? 'REIMBURSED' : 'CLOSED' };
}
