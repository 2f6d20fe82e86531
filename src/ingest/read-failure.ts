// Why a file cannot be read as a report: one typed value for every expected failure of the readers (docs/reports.md,
// "Bad input" and "Limits"), which the import pipeline turns into an INVALID_FILE result.

export type ReadFailureReason =
  /** Empty, binary, or a damaged gzip stream. */
  | 'UNREADABLE'
  /** Valid UTF-8 at the start and not later: the file is read again as Windows-1252 (docs/reports.md, Encoding). */
  | 'NOT_UTF8'
  /** A line, field or record past READ_LIMITS, or a JSON file past MAX_JSON_CHARS. */
  | 'READ_LIMIT'
  /** Compressed input that decompresses past its allowance (DECOMPRESSION). */
  | 'DECOMPRESSION_LIMIT'
  | 'UNREADABLE_WORKBOOK'
  | 'DAMAGED_ARCHIVE'
  /** Past the upload limit, while the file is stored or spooled. */
  | 'FILE_TOO_LARGE';

export interface ReadFailure {
  ok: false;
  reason: ReadFailureReason;
  message: string;
  /** The line of the file (the row of a workbook), when the failure has one. */
  line?: number;
  /** The field of that line, counting from 1, when known. */
  field?: number;
  /** The field's header name, once a reader that knows the header has seen the failure. */
  column?: string;
}

export function readFailure(
  reason: ReadFailureReason,
  message: string,
  at: { line?: number; field?: number } = {},
): ReadFailure {
  return { ok: false, reason, message, ...at };
}

/**
 * A ReadFailure thrown out of a stream: an async iterator (the decoder, the record splitter, the workbook and ZIP
 * readers) has no other way to stop its consumer. Only the pipeline's consumers of those streams catch it (in
 * run-import.ts), and turn its `failure` into the import's result; functions that are not streams return the failure.
 */
export class ReadFailed extends Error {
  constructor(readonly failure: ReadFailure) {
    super(failure.message);
    this.name = 'ReadFailed';
  }
}

/** The failure `error` carries when it is a ReadFailed (of one of `reasons`, when given). */
export function failureOf(error: unknown, ...reasons: ReadFailureReason[]): ReadFailure | undefined {
  if (!(error instanceof ReadFailed)) return undefined;
  return reasons.length === 0 || reasons.includes(error.failure.reason) ? error.failure : undefined;
}
