// From the bytes of an uploaded file to its text: gzip unwrapped, binary refused, encoding recognised (docs/reports.md).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { describeBinary, guessEncoding, type TextEncoding, utf8BomLength } from '../domain/reports/encoding.js';
import { decompressedAllowance, decompressionLimit } from './limits.js';
import { failureOf, ReadFailed, readFailure } from './read-failure.js';

const SAMPLE_BYTES = 64 * 1024;

/** Thrown while decoding as UTF-8 when a later part of the file turns out not to be UTF-8. */
function notUtf8(): ReadFailed {
  return new ReadFailed(readFailure('NOT_UTF8', 'the file is not valid UTF-8'));
}

function unreadable(message: string): ReadFailed {
  return new ReadFailed(readFailure('UNREADABLE', message));
}

async function* withGzipUnwrapped(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest = { [Symbol.asyncIterator]: () => iterator };
  async function* all() {
    yield first.value;
    yield* rest;
  }
  if (first.value[0] === 0x1f && first.value[1] === 0x8b) {
    // SP-API report documents, and some downloads, come gzip-compressed.
    const gunzip = createGunzip();
    let compressed = 0;
    async function* counted() {
      for await (const chunk of all()) {
        compressed += chunk.byteLength;
        yield chunk;
      }
    }
    pipeline(Readable.from(counted()), gunzip).catch(() => {});
    let decompressed = 0;
    try {
      for await (const chunk of gunzip) {
        decompressed += (chunk as Uint8Array).byteLength;
        // Counted against what was read so far: a bomb is stopped after its first few MB of input at most.
        if (decompressed > decompressedAllowance(compressed)) {
          throw new ReadFailed(decompressionLimit('the gzip-compressed file', compressed));
        }
        yield chunk as Uint8Array;
      }
    } catch (error) {
      if (failureOf(error, 'DECOMPRESSION_LIMIT')) throw error;
      throw unreadable(`the gzip-compressed file is damaged or truncated (${(error as Error).message})`);
    } finally {
      gunzip.destroy();
    }
    return;
  }
  yield* all();
}

export interface DecodedText {
  encoding: TextEncoding;
  chunks: AsyncGenerator<string>;
}

/**
 * Decodes a file into text chunks. `encoding` forces one (used to re-read a file as Windows-1252 after NOT_UTF8);
 * otherwise it is guessed from the first 64 KiB. It reads the stream's head, so it fails as the stream does: with a
 * ReadFailed, UNREADABLE for an empty file or one that is not text.
 */
export async function decodeText(bytes: AsyncIterable<Uint8Array>, encoding?: TextEncoding): Promise<DecodedText> {
  const iterator = withGzipUnwrapped(bytes);
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let exhausted = false;
  while (headBytes < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.byteLength;
  }
  const sample = Buffer.concat(head, headBytes).subarray(0, SAMPLE_BYTES);
  if (sample.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d))) {
    throw unreadable('the file is empty');
  }
  const binary = describeBinary(sample);
  if (binary) throw unreadable(binary);
  const guess = encoding
    ? { encoding, bomLength: encoding === 'utf-8' ? utf8BomLength(sample) : 0 }
    : guessEncoding(sample);

  async function* chunks(): AsyncGenerator<string> {
    const utf8 = guess.encoding === 'utf-8' ? new StrictUtf8() : undefined;
    const decoder = utf8 ? undefined : iconv.getDecoder(guess.encoding, { stripBOM: true });
    let skip = guess.bomLength;
    const decode = (chunk: Uint8Array): string => {
      let bytes = chunk;
      if (skip > 0) {
        const cut = Math.min(skip, bytes.byteLength);
        bytes = bytes.subarray(cut);
        skip -= cut;
      }
      return utf8 ? utf8.decode(bytes) : decoder!.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    };
    for (const chunk of head) yield* decodePieces(chunk, decode);
    if (!exhausted) {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield* decodePieces(next.value, decode);
      }
    }
    yield utf8 ? utf8.end() : (decoder!.end() ?? '');
  }
  return { encoding: guess.encoding, chunks: chunks() };
}

/**
 * Text is decoded this many bytes at a time. A string of 128 kB or more is allocated by V8 in pages of its own, which
 * the system is given back after the next collection and must fault in again for the next (a page fault costs about
 * 9 µs on this machine kind: a 155 MB ledger decoded in 1 MB pieces faulted in 300 MB); a smaller one is allocated
 * in the young generation, whose memory is reused.
 */
const TEXT_PIECE_BYTES = 1 << 16;

function* decodePieces(chunk: Uint8Array, decode: (bytes: Uint8Array) => string): Generator<string> {
  for (let at = 0; at < chunk.byteLength; at += TEXT_PIECE_BYTES) {
    yield decode(chunk.subarray(at, at + TEXT_PIECE_BYTES));
  }
}

/**
 * Strict UTF-8, a chunk at a time: each chunk is decoded up to its last whole character and the bytes of a character
 * it cuts are carried into the next. TextDecoder's own streaming mode (`stream: true`) took 2 to 3 times as long as
 * whole-buffer decoding, which Node hands to simdutf: 0.3-0.5 s against 0.13 s for a 155 MB ledger. The file's
 * byte-order mark is skipped by the caller, so that a U+FEFF at the start of a later chunk is kept as text.
 */
class StrictUtf8 {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private carried: Uint8Array | undefined;

  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.carried) {
      bytes = Buffer.concat([this.carried, chunk]);
      this.carried = undefined;
    }
    const end = wholeCharactersEnd(bytes);
    if (end < bytes.byteLength) {
      this.carried = Uint8Array.prototype.slice.call(bytes, end);
      bytes = bytes.subarray(0, end);
    }
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw notUtf8();
    }
  }

  /** The end of the file: a character cut short there is not UTF-8. */
  end(): string {
    if (this.carried) throw notUtf8();
    return '';
  }
}

/**
 * Where the last whole character of `bytes` ends: before a lead byte whose continuation bytes are not all there yet.
 * Anything else (ASCII, a whole sequence, bytes that are not UTF-8 at all) ends at the end, for the decoder to judge.
 */
function wholeCharactersEnd(bytes: Uint8Array): number {
  let lead = bytes.byteLength - 1;
  while (lead >= 0 && bytes.byteLength - lead <= 3 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes.byteLength;
  const byte = bytes[lead]!;
  const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead + length > bytes.byteLength ? lead : bytes.byteLength;
}
