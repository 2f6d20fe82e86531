// docs/rules.md section 5: "The Amazon case ID is the number Seller Central gave the case: digits only, 8 to 12 of them."
import { DomainError } from '../errors.js';

export function validateAmazonCaseId(caseId: string): string {
  const trimmed = caseId.trim();
  if (!/^\d{8,12}$/.test(trimmed)) {
    throw new DomainError(
      'INVALID_CASE_ID',
      `"${caseId}" is not a Seller Central case ID: it is the number Seller Central gave the case, 8 to 12 digits`,
    );
  }
  return trimmed;
}
