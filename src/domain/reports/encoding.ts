// docs/reports.md: "UTF-8 (strip a BOM); when the bytes are not valid UTF-8, read them as Windows-1252. Japanese files may
// be Shift_JIS (cp932). Never drop a row silently because of its encoding."

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'shift_jis';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

function isValidUtf8Prefix(sample: Uint8Array): boolean {
  // A sample cut in the middle of a character is still UTF-8: let the streaming decoder judge the rest.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Shift_JIS writes Japanese as byte pairs: a lead byte 0x81–0x9F or 0xE0–0xFC, then a trail byte 0x40–0x7E or
 * 0x80–0xFC; single bytes 0xA1–0xDF are half-width katakana. Windows-1252 text forms such pairs by accident too
 * (`ü` then `r` in "für", `’` then `t` in "don’t"), but never kana: Japanese text has hiragana (lead 0x82, trail
 * 0x9F–0xF1) or katakana (lead 0x83, trail 0x40–0x96) in nearly every line, and most of its leads below 0xA0.
 */
function looksLikeShiftJis(sample: Uint8Array): boolean {
  let pairs = 0;
  let kana = 0;
  let lowLeads = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte < 0x80) continue;
    if (byte >= 0xa1 && byte <= 0xdf) continue;
    const lead = (byte >= 0x81 && byte <= 0x9f) || (byte >= 0xe0 && byte <= 0xfc);
    if (!lead) return false;
    const trail = sample[i + 1];
    if (trail === undefined) break;
    if (!((trail >= 0x40 && trail <= 0x7e) || (trail >= 0x80 && trail <= 0xfc))) return false;
    pairs++;
    if (byte <= 0x9f) lowLeads++;
    if ((byte === 0x82 && trail >= 0x9f && trail <= 0xf1) || (byte === 0x83 && trail >= 0x40 && trail <= 0x96)) kana++;
    i++;
  }
  return kana > 0 && lowLeads * 2 >= pairs;
}

/** The bytes of UTF-8's byte-order mark at the start of `sample`: 3 or 0. */
export function utf8BomLength(sample: Uint8Array): number {
  return sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
}

export function guessEncoding(sample: Uint8Array): EncodingGuess {
  if (utf8BomLength(sample) > 0) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (isValidUtf8Prefix(sample)) return { encoding: 'utf-8', bomLength: 0 };
  if (looksLikeShiftJis(sample)) return { encoding: 'shift_jis', bomLength: 0 };
  return { encoding: 'windows-1252', bomLength: 0 };
}

/** What a file that is not text at all starts with: said plainly, so the seller knows what went wrong. */
export function describeBinary(sample: Uint8Array): string | undefined {
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) {
    // A ZIP file is read as a workbook or an archive; only a compressed one reaches here.
    return 'the file holds a ZIP file: unzip it and import the reports it holds';
  }
  if (sample[0] === 0xd0 && sample[1] === 0xcf && sample[2] === 0x11 && sample[3] === 0xe0) {
    return 'the file is an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV, or import the report as Amazon gave it';
  }
  if (sample[0] === 0x25 && sample[1] === 0x50 && sample[2] === 0x44 && sample[3] === 0x46)
    return 'the file is a PDF, not a report';
  const guess = guessEncoding(sample);
  if (guess.encoding.startsWith('utf-16')) return undefined;
  // Text never holds NUL bytes, and holds other control characters only by accident.
  const controls = sample.filter((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)).length;
  if (sample.includes(0) || controls >= Math.max(1, sample.length / 100)) {
    return 'the file is binary, not a report';
  }
  return undefined;
}
