// The most the readers of an uploaded file accept (STYLE.md: "Parsers are linear and bounded"): one place for the
// limits, passed down to every reader, so that a file past one is refused with its line rather than read for ever.

export interface ReadLimits {
  /** Characters of one line (of one record, for quoted files whose fields hold line breaks). */
  maxLineChars: number;
  /** Characters of one field. */
  maxFieldChars: number;
  /** Fields of one record. */
  maxColumns: number;
}

/**
 * Far above any real report (Amazon's lines are well under 4 KB, its reports have under 40 columns), low enough that
 * a hostile file is refused before it costs much memory.
 */
export const READ_LIMITS: ReadLimits = {
  maxLineChars: 1 << 20,
  maxFieldChars: 1 << 18,
  maxColumns: 1_000,
};

/** A file past a limit of ReadLimits, at `line`. */
export class ReadLimitError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}
