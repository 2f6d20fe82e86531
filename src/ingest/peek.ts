// Recognises a file from its first bytes, before anything is stored: an upload that is no report at all (empty,
// binary, an unknown header) is refused at once, and every import that is recorded has a kind.
import { constants, gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { ImportErrorCode } from '../domain/errors.js';
import { describeBinary, guessEncoding } from '../domain/reports/encoding.js';
import type { ReadProblem } from '../domain/reports/format.js';
import { recogniseHeader } from '../domain/reports/formats.js';
import { looksLikeJson } from '../domain/reports/inbound-shipments.js';
import { describeMarkup } from '../domain/reports/unread-reports.js';
import type { ReportKind } from '../domain/types.js';
import { DECOMPRESSION, decompressionLimit } from './limits.js';
import { failureOf } from './read-failure.js';
import { firstLine, recordShape, splitLine } from './records.js';

export const HEAD_BYTES = 64 * 1024;
/** The most the compressed head of a gzip file may inflate to: DECOMPRESSION's floor. */
const HEAD_INFLATED_BYTES = DECOMPRESSION.floorBytes;

export type Recognition =
  | { ok: true; kind: ReportKind }
  | { ok: false; code: ImportErrorCode; message: string; problems: ReadProblem[] };

export function refuse(code: ImportErrorCode, message: string, problems?: ReadProblem[]): Recognition {
  return { ok: false, code, message: `line 1: ${message}`, problems: problems ?? [{ line: 1, message }] };
}

/** Recognises a text file (tab, comma or semicolon separated, or SP-API JSON), gzip-compressed or not, from its head. */
export function recogniseFile(head: Uint8Array, requested?: ReportKind): Recognition {
  let bytes = head;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // The head is a cut piece of the gzip stream: inflate what it holds without asking for the end.
      bytes = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: HEAD_INFLATED_BYTES });
    } catch (error) {
      // More than the head needs from the head alone: the file is a bomb, not a report (DECOMPRESSION).
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return refuse('INVALID_FILE', decompressionLimit('the gzip-compressed file', head.length).message);
      }
      return refuse('INVALID_FILE', 'the gzip-compressed file is damaged');
    }
  }
  if (bytes.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)))
    return refuse('INVALID_FILE', 'the file is empty');
  const binary = describeBinary(bytes);
  if (binary) return refuse('INVALID_FILE', binary);
  const { encoding, bomLength } = guessEncoding(bytes);
  const text = iconv.decode(Buffer.from(bytes.subarray(bomLength)), encoding);
  const markup = describeMarkup(text);
  if (markup) return refuse(requested ? 'INVALID_FILE' : 'UNKNOWN_REPORT', markup);
  if (looksLikeJson(text)) {
    if (requested && requested !== 'INBOUND_SHIPMENTS') {
      return refuse('INVALID_FILE', `a JSON file can only be inbound shipments (SP-API bodies), not ${requested}`);
    }
    return { ok: true, kind: 'INBOUND_SHIPMENTS' };
  }
  const header = firstLine(text);
  let fields: string[];
  try {
    fields = splitLine(header, recordShape(header).delimiter);
  } catch (error) {
    // splitLine is the streaming splitter's, which throws its limits.
    const limit = failureOf(error, 'READ_LIMIT');
    if (limit) return refuse('INVALID_FILE', `the header: ${limit.message}`);
    throw error;
  }
  const verdict = recogniseHeader(fields, requested);
  if (verdict.ok) return { ok: true, kind: verdict.format.kind };
  return refuse(verdict.code, verdict.message, verdict.problems);
}

/** Splits the first HEAD_BYTES off a byte stream, returning them and the whole stream to read from the start. */
export async function readHead(
  source: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    size += next.value.byteLength;
  }
  const head = Buffer.concat(taken, size).subarray(0, HEAD_BYTES);
  async function* all() {
    yield* taken;
    if (!done) for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, all: all() };
}
