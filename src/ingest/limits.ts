// The most the readers of an uploaded file accept (parsers are linear and bounded), all in one place and
// listed in docs/reports.md ("Limits"): a file past one is refused whole, with its line (and column when it has one),
// before it costs much time or memory, and nothing of it is stored.
import type { TextKind } from '../domain/reports/format.js';
import { type ReadFailure, readFailure } from './read-failure.js';

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

/**
 * The longest value of each kind of stored text, from what Amazon's own formats allow: a seller SKU is 1 to 40
 * characters (Amazon refuses longer ones in listings and feeds), an FNSKU and an ASIN are 10, an Amazon order id is
 * 19 (`123-1234567-1234567`; merchant order ids are the seller's own, up to 40 in Amazon's order feeds). Ids,
 * codes and free text have no published length: the limits are far above any seen in a real report. A title longer
 * than its limit is cut (see TITLE_TRUNCATION), the rest refuse the file at their line and column.
 */
export const TEXT_LIMITS: Readonly<Record<TextKind, number>> = {
  sku: 40,
  fnsku: 10,
  asin: 10,
  orderId: 50,
  /** Reference, reimbursement, case, settlement, shipment, adjustment ids. */
  id: 64,
  /** Event types, reasons, dispositions, statuses, currencies, fulfillment centers, countries, dates, numbers. */
  code: 100,
  /** Amazon's titles are at most 200 characters today (250 to 500 in older listings, which old reports repeat). */
  title: 500,
  /** Customer comments, amount descriptions, shipment names. */
  text: 2_000,
};

/**
 * A title longer than TEXT_LIMITS.title is kept cut to that length, ending with this mark: a seller would rather see
 * the product with a shortened name than have a whole report refused over a name, which no number depends on.
 */
export const TITLE_TRUNCATION = '…';

/**
 * Compressed input (gzip, ZIP archives, xlsx workbooks, which are ZIP archives): the decompressed size is bounded by
 * a ratio to the compressed size (a report compresses 5 to 20 times; a bomb a thousand times) and by an absolute
 * cap. Small files are let through up to `floorBytes` whatever their ratio.
 */
export const DECOMPRESSION = {
  maxRatio: 100,
  floorBytes: 16 << 20,
  maxBytes: 2 * 1024 ** 3,
};

/** The most decompressed bytes allowed for `compressedBytes` of input (see DECOMPRESSION). */
export function decompressedAllowance(compressedBytes: number): number {
  return Math.min(DECOMPRESSION.maxBytes, Math.max(DECOMPRESSION.floorBytes, compressedBytes * DECOMPRESSION.maxRatio));
}

/**
 * SP-API JSON bodies are parsed whole (JSON.parse blocks the process while it runs, about 5 ms per MB): a
 * getShipmentItems page is a few KB, so 4 MB holds thousands of pages.
 */
export const MAX_JSON_CHARS = 4 * 1024 * 1024;

/** The import pipeline gives the event loop a turn at least this often (milliseconds of work). */
export const YIELD_EVERY_MS = 4;

/** A file past a limit of ReadLimits, at `line` (and at the `field`-th field, counting from 1, when known). */
export function readLimit(line: number, message: string, field?: number): ReadFailure {
  return readFailure('READ_LIMIT', message, field === undefined ? { line } : { line, field });
}

/** Compressed input that decompresses past its allowance (see DECOMPRESSION). */
export function decompressionLimit(what: string, compressedBytes: number): ReadFailure {
  return readFailure(
    'DECOMPRESSION_LIMIT',
    `${what} decompresses to more than ${Math.round(decompressedAllowance(compressedBytes) / (1 << 20))} MB (${DECOMPRESSION.maxRatio} times its compressed size, at most ${DECOMPRESSION.maxBytes / 1024 ** 3} GB): it is not a report`,
  );
}
