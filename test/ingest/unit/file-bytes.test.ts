// The bytes of an uploaded file: src/ingest/text.ts (decodeText) and src/ingest/peek.ts (recogniseFile, readHead).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { HEAD_BYTES, readHead, recogniseFile } from '../../../src/ingest/peek.js';
import { ReadFailed } from '../../../src/ingest/read-failure.js';
import { decodeText } from '../../../src/ingest/text.js';

// From the bytes of an upload to its text: docs/reports.md, "Encoding" (UTF-8 with its BOM stripped, Windows-1252 when the
// bytes are not UTF-8, Shift_JIS) and "Bad input" (an empty or binary file is refused).
describe('decodeText (src/ingest/text.ts)', () => {
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

    it('keeps characters of two, three and four bytes whatever chunk boundary cuts them', async () => {
      const text = `sku\ttitle\n${'SKU-1\tCafé — 漢字 😀 €\n'.repeat(3)}`;
      for (let size = 1; size <= 9; size++) expect((await decode(utf8(text), size)).text).toBe(text);
    });

    it('keeps characters of two, three and four bytes cut where a large chunk is decoded in pieces', async () => {
      // One chunk of 1 MB and more is decoded 64 KiB at a time: every width of character falls across those cuts.
      const text = 'a€é😀'.repeat(150_000);
      expect((await decode(utf8(text))).text).toBe(text);
      expect((await decode(utf8(`\uFEFF${text}`), 1 << 20)).text).toBe(text);
    });

    it("keeps a U+FEFF inside the text, wherever a chunk starts, and strips only the file's own BOM", async () => {
      const text = `sku\ttitle\nSKU-1\t\uFEFFMug\nSKU-2\tCup\uFEFF\n`;
      for (let size = 1; size <= 40; size++) {
        expect((await decode(utf8(`\uFEFF${text}`), size)).text).toBe(text);
      }
    });

    it('fails with NOT_UTF8 on a bad byte cut between chunks: a lead byte followed by a byte that cannot continue it', async () => {
      const head = utf8(`sku\ttitle\n${'SKU-1\tMug\n'.repeat(7000)}`);
      for (const bad of [
        [0xe2, 0x82, 0x41],
        [0xf0, 0x9f, 0x98],
        [0xc3, 0x0a],
      ]) {
        for (const size of [1, 2, 3, 4096]) {
          const decoded = await decodeText(chunked(new Uint8Array([...head, ...bad, 0x0a]), size));
          const read = async () => {
            for await (const _ of decoded.chunks) {
            }
          };
          await expect(read()).rejects.toMatchObject({ failure: { reason: 'NOT_UTF8' } });
        }
      }
    });

    it('fails with NOT_UTF8 on a byte that cannot start a character, on an overlong form, on a lone surrogate', async () => {
      const head = utf8(`sku\ttitle\n${'SKU-1\tMug\n'.repeat(7000)}`);
      for (const bad of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80]]) {
        const decoded = await decodeText(chunked(new Uint8Array([...head, ...bad, 0x0a]), 4096));
        const read = async () => {
          for await (const _ of decoded.chunks) {
          }
        };
        await expect(read()).rejects.toMatchObject({ failure: { reason: 'NOT_UTF8' } });
      }
    });

    it('fails with NOT_UTF8 while iterating a file that is UTF-8 in its first 64 KiB and not later', async () => {
      const head = utf8(`sku\ttitle\n${'SKU-1\tMug\n'.repeat(7000)}`);
      expect(head.length).toBeGreaterThan(64 * 1024);
      const bytes = new Uint8Array([...head, ...encode('SKU-2\tCafé\n', 'windows-1252')]);
      const decoded = await decodeText(chunked(bytes, 4096));
      expect(decoded.encoding).toBe('utf-8');
      const read = async () => {
        for await (const _ of decoded.chunks) {
        }
      };
      await expect(read()).rejects.toMatchObject({ failure: { reason: 'NOT_UTF8' } });
    });

    it('fails with NOT_UTF8 when the file ends in the middle of a UTF-8 character', async () => {
      const bytes = utf8('sku\ttitle\nSKU-1\tCafé');
      const decoded = await decodeText(chunked(bytes.subarray(0, bytes.length - 1), 1000));
      const read = async () => {
        for await (const _ of decoded.chunks) {
        }
      };
      await expect(read()).rejects.toMatchObject({ failure: { reason: 'NOT_UTF8' } });
    });
  });

  describe('decodeText: Windows-1252, Shift_JIS and UTF-16', () => {
    it('reads bytes that are not UTF-8 as Windows-1252', async () => {
      const text = 'sku\ttitle\nSKU-1\tCafé 7\tDéco €\n';
      expect(await decode(encode(text, 'windows-1252'))).toEqual({ encoding: 'windows-1252', text });
    });

    // docs/reports.md: "when the bytes are not valid UTF-8, read them as Windows-1252 [...] Never drop a row silently
    // because of its encoding."
    it('reads a Windows-1252 file whose accents sit inside words as Windows-1252', async () => {
      const text = 'sku\tcost\tcurrency\ttitle\nSKU-1\t5\tEUR\tTasse für Kaffee\n';
      expect(await decode(encode(text, 'windows-1252'))).toEqual({ encoding: 'windows-1252', text });
    });

    it('reads Windows-1252 when asked to, after NOT_UTF8', async () => {
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
      expect(error).toBeInstanceOf(ReadFailed);
      expect((error as ReadFailed).failure.reason).toBe('UNREADABLE');
      expect((error as Error).message).toContain('empty');
    });

    it.each([
      ['NUL bytes', new Uint8Array([0x61, 0x00, 0x62, 0x0a, 0x00])],
      ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])],
      ['a PDF', utf8('%PDF-1.4\n')],
    ])('refuses %s', async (_, bytes) => {
      await expect(decodeText(chunked(bytes, 1000))).rejects.toMatchObject({ failure: { reason: 'UNREADABLE' } });
    });

    it('refuses a damaged gzip stream', async () => {
      const gz = new Uint8Array(gzipSync(utf8(LEDGER.repeat(50))));
      const damaged = new Uint8Array([...gz.subarray(0, 20), ...new Uint8Array(40).fill(0xff)]);
      await expect(decode(damaged)).rejects.toMatchObject({ failure: { reason: 'UNREADABLE' } });
    });
  });
});

// Recognising an upload from its first bytes (docs/reports.md: "Recognise the kind of a file from its header, not its
// name"; "Bad input": an empty file, a binary file, an unknown header are refused, the header being line 1).
describe('recogniseFile and readHead (src/ingest/peek.ts)', () => {
  const SAMPLES = path.resolve(import.meta.dirname, '../../../spec/samples');

  function sampleBytes(name: string): Uint8Array {
    return new Uint8Array(readFileSync(path.join(SAMPLES, name)));
  }

  const utf8 = (text: string) => new TextEncoder().encode(text);

  function kind(head: Uint8Array, requested?: Parameters<typeof recogniseFile>[1]) {
    const recognition = recogniseFile(head, requested);
    return recognition.ok ? recognition.kind : recognition.code;
  }

  describe('recogniseFile: the sample files', () => {
    it.each([
      ['ledger.tsv', 'LEDGER'],
      ['reimbursements.tsv', 'REIMBURSEMENTS'],
      ['customer-returns.tsv', 'CUSTOMER_RETURNS'],
      ['settlement.tsv', 'SETTLEMENT'],
      ['inbound-shipments.tsv', 'INBOUND_SHIPMENTS'],
      ['product-costs.tsv', 'PRODUCT_COSTS'],
    ] as const)('recognises %s as %s', (name, expected) => {
      expect(recogniseFile(sampleBytes(name))).toEqual({ ok: true, kind: expected });
      expect(recogniseFile(sampleBytes(name), expected)).toEqual({ ok: true, kind: expected });
    });

    it('recognises a header with a BOM and Windows line ends', () => {
      const text = new TextDecoder().decode(sampleBytes('ledger.tsv')).replaceAll('\n', '\r\n');
      expect(kind(utf8(`\uFEFF${text}`))).toBe('LEDGER');
    });

    it('recognises a quoted header', () => {
      expect(kind(utf8('"sku"\t"cost"\t"currency"\n"SKU-1"\t"5"\t"USD"\n'))).toBe('PRODUCT_COSTS');
    });

    it('recognises a Windows-1252 and a UTF-16 file', () => {
      expect(
        kind(new Uint8Array(iconv.encode('sku\tcost\tcurrency\ttitle\nSKU-1\t5\tEUR\tCafé\n', 'windows-1252'))),
      ).toBe('PRODUCT_COSTS');
      expect(kind(new Uint8Array(iconv.encode('\uFEFFsku\tcost\tcurrency\nSKU-1\t5\tEUR\n', 'utf-16le')))).toBe(
        'PRODUCT_COSTS',
      );
    });
  });

  describe('recogniseFile: gzip-compressed files', () => {
    it('recognises a gzip-compressed report', () => {
      expect(kind(new Uint8Array(gzipSync(sampleBytes('settlement.tsv'))))).toBe('SETTLEMENT');
    });

    it('recognises the head of a long gzip-compressed report, cut in the middle of the stream', () => {
      let seed = 7;
      const random = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed;
      };
      const lines = ['sku\tcost\tcurrency'];
      for (let index = 0; index < 20_000; index++)
        lines.push(`SKU-${random().toString(36)}\t${random() % 10_000}\tUSD`);
      const gz = new Uint8Array(gzipSync(utf8(lines.join('\n'))));
      expect(gz.length).toBeGreaterThan(HEAD_BYTES);
      expect(kind(gz.subarray(0, HEAD_BYTES))).toBe('PRODUCT_COSTS');
    });

    it('refuses a damaged gzip stream', () => {
      const gz = new Uint8Array(gzipSync(sampleBytes('ledger.tsv')));
      const damaged = new Uint8Array([...gz.subarray(0, 12), ...new Uint8Array(40).fill(0xff)]);
      const recognition = recogniseFile(damaged);
      expect(recognition.ok).toBe(false);
      if (recognition.ok) return;
      expect(recognition.code).toBe('INVALID_FILE');
      expect(recognition.message).toMatch(/^line 1: /);
    });
  });

  describe('recogniseFile: JSON is inbound shipments', () => {
    const body = utf8('{"payload":{"ShipmentData":[{"ShipmentId":"FBA1","ShipmentStatus":"CLOSED"}]}}');

    it('recognises a JSON body, an array of bodies, and JSON after a BOM', () => {
      expect(recogniseFile(body)).toEqual({ ok: true, kind: 'INBOUND_SHIPMENTS' });
      expect(recogniseFile(body, 'INBOUND_SHIPMENTS')).toEqual({ ok: true, kind: 'INBOUND_SHIPMENTS' });
      expect(kind(utf8('\uFEFF\n  [{"payload":{}}]'))).toBe('INBOUND_SHIPMENTS');
    });

    it('recognises a gzip-compressed JSON body', () => {
      expect(kind(new Uint8Array(gzipSync(body)))).toBe('INBOUND_SHIPMENTS');
    });

    it('refuses JSON when another kind is requested', () => {
      const recognition = recogniseFile(body, 'LEDGER');
      expect(recognition.ok).toBe(false);
      if (recognition.ok) return;
      expect(recognition.code).toBe('INVALID_FILE');
      expect(recognition.message).toMatch(/^line 1: /);
      expect(recognition.message).toContain('LEDGER');
      expect(recognition.problems.every((problem) => problem.line === 1)).toBe(true);
    });
  });

  describe('recogniseFile: empty, binary and unknown files are refused on line 1', () => {
    it.each([
      ['an empty file', new Uint8Array(), 'empty'],
      ['a file of blank lines', utf8('\n\r\n   \n'), 'empty'],
      ['a binary file', new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x61]), 'binary'],
      ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'ZIP'],
      ['a PDF', utf8('%PDF-1.7\n'), 'PDF'],
    ])('refuses %s', (_, head, word) => {
      const recognition = recogniseFile(head);
      expect(recognition.ok).toBe(false);
      if (recognition.ok) return;
      expect(recognition.code).toBe('INVALID_FILE');
      expect(recognition.message).toMatch(/^line 1: /);
      expect(recognition.message).toContain(word);
      expect(recognition.problems).toHaveLength(1);
      expect(recognition.problems[0]?.line).toBe(1);
    });

    it('refuses an unknown header, naming the closest report', () => {
      const recognition = recogniseFile(utf8('Date\tMSKU\tEvent Type\tTitle\n05/25/2025\tSKU-1\tAdjustments\tLamp\n'));
      expect(recognition.ok).toBe(false);
      if (recognition.ok) return;
      expect(recognition.code).toBe('UNKNOWN_REPORT');
      expect(recognition.message).toMatch(/^line 1: /);
      expect(recognition.message).toContain('Inventory Ledger');
      expect(recognition.message).toContain('"Quantity"');
      expect(recognition.problems).toEqual([{ line: 1, message: recognition.message.replace(/^line 1: /, '') }]);
    });

    it('refuses a header that lacks a column of the requested kind, naming the column', () => {
      const recognition = recogniseFile(utf8('sku\tcost\nSKU-1\t5\n'), 'PRODUCT_COSTS');
      expect(recognition.ok).toBe(false);
      if (recognition.ok) return;
      expect(recognition.code).toBe('INVALID_FILE');
      expect(recognition.message).toMatch(/^line 1: /);
      expect(recognition.problems).toEqual([
        { line: 1, column: 'currency', message: expect.stringContaining('"currency"') },
      ]);
    });
  });

  describe('readHead: the first 64 KiB, and the whole stream from its start', () => {
    async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
      for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
    }

    async function collect(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
      const parts: Uint8Array[] = [];
      for await (const part of stream) parts.push(part);
      return new Uint8Array(Buffer.concat(parts));
    }

    it('gives at most HEAD_BYTES of head and every byte of the stream', async () => {
      const bytes = new Uint8Array(HEAD_BYTES * 2 + 123).map((_, index) => 0x41 + (index % 26));
      const { head, all } = await readHead(chunks(bytes, 10_000));
      expect(head.length).toBe(HEAD_BYTES);
      expect(Buffer.from(head).equals(Buffer.from(bytes.subarray(0, HEAD_BYTES)))).toBe(true);
      expect(Buffer.from(await collect(all)).equals(Buffer.from(bytes))).toBe(true);
    });

    it('gives the whole of a short stream as its head', async () => {
      const bytes = utf8('sku\tcost\tcurrency\n');
      const { head, all } = await readHead(chunks(bytes, 4));
      expect(new TextDecoder().decode(head)).toBe('sku\tcost\tcurrency\n');
      expect(new TextDecoder().decode(await collect(all))).toBe('sku\tcost\tcurrency\n');
    });
  });
});
