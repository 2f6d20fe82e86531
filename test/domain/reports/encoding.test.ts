// docs/reports.md, "Encoding": UTF-8 (strip a BOM); when the bytes are not valid UTF-8, read them as Windows-1252.
// Japanese files may be Shift_JIS (cp932). And "Bad input": a binary file is refused.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { describeBinary, guessEncoding } from '../../../src/domain/reports/encoding.js';

function encode(text: string, encoding: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding));
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const LEDGER_LINE = '05/25/2025\tX00LAMP002\tSKU-LAMP-02\tDesk Lamp LED\tAdjustments\t-1\n';

describe('guessEncoding: byte-order marks', () => {
  it('recognises the UTF-8 BOM and says how many bytes to skip', () => {
    expect(guessEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
  });

  it('recognises the UTF-16 BOMs', () => {
    expect(guessEncoding(encode('\uFEFFDate\tFNSKU', 'utf-16le'))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(guessEncoding(encode('\uFEFFDate\tFNSKU', 'utf-16be'))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });
});

describe('guessEncoding: UTF-8 without a BOM', () => {
  it('reads plain ASCII and UTF-8 as UTF-8', () => {
    expect(guessEncoding(utf8(LEDGER_LINE))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(guessEncoding(utf8('Kaffeebecher Müller\tCrème brûlée\t商品名\n'))).toEqual({
      encoding: 'utf-8',
      bomLength: 0,
    });
    expect(guessEncoding(new Uint8Array())).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });

  it('still reads a sample cut in the middle of a multi-byte character as UTF-8', () => {
    const bytes = utf8('Tasse für Kaffee €');
    const euro = bytes.length - 3;
    expect(guessEncoding(bytes.subarray(0, euro + 1))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(guessEncoding(bytes.subarray(0, euro + 2))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    const umlaut = utf8('Müller').indexOf(0xc3);
    expect(guessEncoding(utf8('Müller').subarray(0, umlaut + 1))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });
});

describe('guessEncoding: bytes that are not UTF-8 are Windows-1252, or Shift_JIS for Japanese', () => {
  it('reads an é (0xE9) between ASCII as Windows-1252', () => {
    expect(guessEncoding(encode('Café\tDéco 7\n', 'windows-1252')).encoding).toBe('windows-1252');
    expect(guessEncoding(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x09, 0x78])).encoding).toBe('windows-1252');
  });

  it('reads the euro sign (0x80) as Windows-1252', () => {
    expect(guessEncoding(encode('12,99 €\n', 'windows-1252')).encoding).toBe('windows-1252');
  });

  it('reads Japanese text encoded as Shift_JIS as Shift_JIS', () => {
    const bytes = encode('商品名\tテスト用のマグカップ\tSKU-1\t数量\n', 'Shift_JIS');
    expect(guessEncoding(bytes)).toEqual({ encoding: 'shift_jis', bomLength: 0 });
  });

  it('reads a Shift_JIS sample cut after a lead byte as Shift_JIS', () => {
    const bytes = encode('商品名\tマグカップ', 'Shift_JIS');
    expect(guessEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe('shift_jis');
  });

  // Every Windows-1252 lower-case accented letter (0xE0–0xFC) is also a Shift_JIS lead byte, and an ASCII letter
  // after it a valid trail byte: accents inside words must not make Latin text look Japanese.
  it.each(['Tasse für Kaffee', 'Kaffeebecher Müller\tSchwarz\n', 'Crème brûlée', 'naïve café'])(
    'reads the Windows-1252 text %j as Windows-1252, not Shift_JIS',
    (text) => {
      expect(guessEncoding(encode(text, 'windows-1252')).encoding).toBe('windows-1252');
    },
  );
});

describe('describeBinary: a file that is not text at all', () => {
  it('says a ZIP archive is one (an Excel workbook is a ZIP)', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(describeBinary(zip)).toContain('ZIP');
  });

  it('says a PDF is one', () => {
    expect(describeBinary(utf8('%PDF-1.7\n%âãÏÓ\n'))).toContain('PDF');
  });

  it('calls bytes with NUL in them binary', () => {
    expect(describeBinary(new Uint8Array([0x61, 0x00, 0x62, 0x0a]))).toContain('binary');
    expect(describeBinary(utf8(`${LEDGER_LINE.repeat(10)}\u0000`))).toContain('binary');
  });

  it('calls bytes full of control characters binary', () => {
    const bytes = new Uint8Array(200).map((_, index) => (index % 7 === 0 ? 0x01 : 0x41));
    expect(describeBinary(bytes)).toContain('binary');
  });

  it('gives undefined for ordinary text, whatever its encoding', () => {
    expect(describeBinary(utf8(LEDGER_LINE.repeat(5)))).toBeUndefined();
    expect(describeBinary(utf8('a\tb\r\nc\td\f\n'))).toBeUndefined();
    expect(describeBinary(encode('Café\tDéco\n', 'windows-1252'))).toBeUndefined();
    expect(describeBinary(encode('商品名\tテスト\n', 'Shift_JIS'))).toBeUndefined();
    expect(describeBinary(utf8('\uFEFFDate\tFNSKU\n'))).toBeUndefined();
  });

  it('gives undefined for UTF-16 text with its BOM, although it holds NUL bytes', () => {
    expect(describeBinary(encode(`\uFEFF${LEDGER_LINE}`, 'utf-16le'))).toBeUndefined();
    expect(describeBinary(encode(`\uFEFF${LEDGER_LINE}`, 'utf-16be'))).toBeUndefined();
  });
});
