// From the bytes of an upload to its text: REPORTS.md, "Encoding" (UTF-8 with its BOM stripped, Windows-1252 when the
// bytes are not UTF-8, Shift_JIS) and "Bad input" (an empty or binary file is refused).
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, NotUtf8Error, UnreadableFileError } from '../../../src/ingest/text.js';

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function decode(bytes: Uint8Array, size = Number.MAX_SAFE_INTEGER) {
  const decoded = await decodeText(chunked(bytes, size));
  let text = '';
  for await (const chunk of decoded.chunks) text += chunk;
  return { encoding: decoded.encoding, text };
}

function encode(text: string, encoding: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

const LEDGER = 'Date\tMSKU\tTitle\tQuantity\n05/25/2025\tSKU-LAMP-02\tDesk Lamp LED\t-1\n';

describe('decodeText: UTF-8', () => {
  it('reads UTF-8 text as it is', async () => {
    expect(await decode(utf8(`${LEDGER}06/01/2025\tSKU-É\tTasse für Kaffee €\t2\n`))).toEqual({
      encoding: 'utf-8',
      text: `${LEDGER}06/01/2025\tSKU-É\tTasse für Kaffee €\t2\n`,
    });
  });

  it('strips the BOM', async () => {
    expect(await decode(utf8(`\uFEFF${LEDGER}`))).toEqual({ encoding: 'utf-8', text: LEDGER });
  });

  it('strips the BOM when it comes one byte per chunk, and keeps characters cut between chunks', async () => {
    const text = `\uFEFFsku\ttitle\nSKU-1\tTasse für Kaffee €\n`;
    expect(await decode(utf8(text), 1)).toEqual({ encoding: 'utf-8', text: text.slice(1) });
  });

  it('raises NotUtf8Error while iterating a file that is UTF-8 in its first 64 KiB and not later', async () => {
    const head = utf8(`sku\ttitle\n${'SKU-1\tMug\n'.repeat(7000)}`);
    expect(head.length).toBeGreaterThan(64 * 1024);
    const bytes = new Uint8Array([...head, ...encode('SKU-2\tCafé\n', 'windows-1252')]);
    const decoded = await decodeText(chunked(bytes, 4096));
    expect(decoded.encoding).toBe('utf-8');
    const read = async () => {
      for await (const _ of decoded.chunks) {
      }
    };
    await expect(read()).rejects.toBeInstanceOf(NotUtf8Error);
  });

  it('raises NotUtf8Error when the file ends in the middle of a UTF-8 character', async () => {
    const bytes = utf8('sku\ttitle\nSKU-1\tCafé');
    const decoded = await decodeText(chunked(bytes.subarray(0, bytes.length - 1), 1000));
    const read = async () => {
      for await (const _ of decoded.chunks) {
      }
    };
    await expect(read()).rejects.toBeInstanceOf(NotUtf8Error);
  });
});

describe('decodeText: Windows-1252, Shift_JIS and UTF-16', () => {
  it('reads bytes that are not UTF-8 as Windows-1252', async () => {
    const text = 'sku\ttitle\nSKU-1\tCafé 7\tDéco €\n';
    expect(await decode(encode(text, 'windows-1252'))).toEqual({ encoding: 'windows-1252', text });
  });

  it('reads Windows-1252 when asked to, after a NotUtf8Error', async () => {
    const text = 'sku\ttitle\nSKU-1\tMüller\n';
    const decoded = await decodeText(chunked(encode(text, 'windows-1252'), 5), 'windows-1252');
    let read = '';
    for await (const chunk of decoded.chunks) read += chunk;
    expect(decoded.encoding).toBe('windows-1252');
    expect(read).toBe(text);
  });

  it('reads Japanese Shift_JIS text, even when a character is cut between chunks', async () => {
    const text = 'sku\t商品名\nSKU-1\tテスト用のマグカップ\n';
    expect(await decode(encode(text, 'Shift_JIS'), 3)).toEqual({ encoding: 'shift_jis', text });
  });

  it('reads UTF-16 with its BOM, and strips the BOM', async () => {
    expect(await decode(encode(`\uFEFF${LEDGER}`, 'utf-16le'), 7)).toEqual({ encoding: 'utf-16le', text: LEDGER });
    expect(await decode(encode(`\uFEFF${LEDGER}`, 'utf-16be'))).toEqual({ encoding: 'utf-16be', text: LEDGER });
  });
});

describe('decodeText: gzip-compressed input is unwrapped', () => {
  it('reads a gzip-compressed file', async () => {
    expect(await decode(new Uint8Array(gzipSync(utf8(`\uFEFF${LEDGER}`))))).toEqual({
      encoding: 'utf-8',
      text: LEDGER,
    });
  });

  it('reads a gzip-compressed file that comes in small chunks', async () => {
    const text = `sku\ttitle\n${'SKU-1\tCafé\n'.repeat(500)}`;
    expect(await decode(new Uint8Array(gzipSync(encode(text, 'windows-1252'))), 16)).toEqual({
      encoding: 'windows-1252',
      text,
    });
  });
});

describe('decodeText: an empty or binary file is unreadable', () => {
  it.each([
    ['no bytes', new Uint8Array()],
    ['only blank lines', utf8(' \r\n\n\t\n')],
    ['a gzip-compressed empty file', new Uint8Array(gzipSync(new Uint8Array()))],
  ])('refuses %s as empty', async (_, bytes) => {
    const error = await decodeText(chunked(bytes, 1000)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as Error).message).toContain('empty');
  });

  it.each([
    ['NUL bytes', new Uint8Array([0x61, 0x00, 0x62, 0x0a, 0x00])],
    ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])],
    ['a PDF', utf8('%PDF-1.4\n')],
  ])('refuses %s', async (_, bytes) => {
    await expect(decodeText(chunked(bytes, 1000))).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it('refuses a damaged gzip stream', async () => {
    const gz = new Uint8Array(gzipSync(utf8(LEDGER.repeat(50))));
    const damaged = new Uint8Array([...gz.subarray(0, 20), ...new Uint8Array(40).fill(0xff)]);
    await expect(decode(damaged)).rejects.toBeInstanceOf(UnreadableFileError);
  });
});
