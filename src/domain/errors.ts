/**
 * The codes of expected failures, stable for clients to act on (docs/api.md lists them per mutation). One list for the
 * domain, the use cases and the schema's result unions, so that a code a client is told is a code the server can give.
 */
export type ErrorCode =
  // Any mutation
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  // Tokens and accounts
  | 'FORBIDDEN'
  | 'AMBIGUOUS_ACCOUNT'
  // Policy (docs/rules.md section 7)
  | 'INVALID_POLICY'
  // Cases (docs/rules.md section 5), in the order openCase checks them, then closeCase's
  | 'INVALID_CASE_ID'
  | 'DUPLICATE_CASE_ID'
  | 'CASE_ALREADY_OPEN'
  | 'NOTHING_TO_CLAIM'
  | 'CASE_NOT_OPEN'
  // Imports
  | 'UNKNOWN_REPORT'
  | 'INVALID_FILE'
  // Amazon connection and sync
  | 'NOT_CONNECTED'
  | 'SECRET_KEY_MISSING'
  | 'AMAZON_REFUSED'
  | 'AMAZON_UNAVAILABLE';

/** Why an import is refused: the report is not one Reclaim knows, or the file is not a readable report. */
export type ImportErrorCode = Extract<ErrorCode, 'UNKNOWN_REPORT' | 'INVALID_FILE'>;

/** An expected failure as a value: what a use case returns instead of throwing, where the contract has a result union. */
export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
}

export function refusal(code: ErrorCode, message: string): Refusal {
  return { ok: false, code, message };
}

/**
 * An expected failure, with a stable code clients can act on (docs/api.md lists them per mutation). The schema turns it
 * into a member of the mutation's result union; anything else that is thrown stays an unexpected, masked error.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
