// The key that makes a row the same row in two imports, and the numbering of a file's identical rows.
import { hash } from 'node:crypto';

const DAY_MS = 86_400_000;

/**
 * MD5 of a row's identity fields, as a UUID (16 bytes in the index instead of the fields themselves). When the row has
 * a day, the key's first 16 bits are that day (days since 1970-01-01, as in the migration `ledger_key_day`) instead of
 * the hash's: a file's rows, which come in date order, then fall on a few neighbouring pages of the primary key's
 * B-tree instead of on pages all over it, which PostgreSQL must read back and rewrite (a 1M-row ledger's COPY ran
 * 10.7 s with random keys, 5.6 s with these). 112 bits of MD5 still tell two rows of one day apart.
 */
export function identityKey(identity: readonly unknown[], day?: string): string {
  // One string for the hash, joined at once: a field at a time, a 1M-row ledger's keys made 1.4 GB of garbage.
  const parts = identityParts;
  parts.length = identity.length;
  for (let i = 0; i < identity.length; i++) {
    const value = identity[i];
    parts[i] = value === undefined || value === null ? '\u0000' : value;
  }
  const hex = hash('md5', parts.join('\u0001'), 'hex');
  const text = uuidText;
  let from = 0;
  if (day !== undefined) {
    const days = daysOf(day);
    for (let shift = 12, i = 0; i < 4; i++, shift -= 4) text[i] = HEX_DIGITS[(days >> shift) & 0xf]!;
    from = 4;
  }
  for (let i = from; i < 32; i++) text[PLACE_OF_DIGIT[i]!] = hex.charCodeAt(i);
  return text.toString('latin1', 0, 36);
}

const identityParts: unknown[] = [];
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** The key being written, dashes in place. */
const uuidText = Buffer.from('00000000-0000-0000-0000-000000000000', 'latin1');
/** Where each of the 32 digits goes in it. */
const PLACE_OF_DIGIT = Uint8Array.from(
  { length: 32 },
  (_, i) => i + (i >= 20 ? 4 : i >= 16 ? 3 : i >= 12 ? 2 : i >= 8 ? 1 : 0),
);

let lastDay = '';
let lastDays = 0;

/** Days since 1970-01-01 of a `YYYY-MM-DD`, held to 16 bits; a file's rows come day after day. */
function daysOf(day: string): number {
  if (day !== lastDay) {
    lastDays = Math.min(Math.max(Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS), 0), 0xffff);
    lastDay = day;
  }
  return lastDays;
}

/** The number of the hexadecimal digits `text[from, to)`. */
function hexNumber(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    value = value * 16 + (code <= 57 ? code - 48 : (code | 32) - 87);
  }
  return value;
}

/**
 * Numbers the repeats of one identity within a file (1 for the first row, 2 for an identical second row…), so that
 * two identical movements in one file stay two rows while a re-import of the same file matches them one for one.
 * Keys are remembered by a 64-bit prefix in an open-addressing table (8 bytes a row instead of a string in a Map);
 * a prefix collision only makes a first occurrence look like a repeat, which changes its number, never loses it.
 */
export class OccurrenceCounter {
  private high = new Uint32Array(1 << 16);
  private low = new Uint32Array(1 << 16);
  private size = 0;
  private readonly repeats = new Map<string, number>();

  /** `key` is an identityKey (32 hex digits). */
  next(key: string): number {
    const high = hexNumber(key, 0, 8);
    // Never 0: an empty slot is all zeros.
    const low = ((hexNumber(key, 9, 13) * 0x10000 + hexNumber(key, 14, 18)) | 1) >>> 0;
    if (this.insert(high, low)) return 1;
    const count = (this.repeats.get(key) ?? 1) + 1;
    this.repeats.set(key, count);
    return count;
  }

  /** Adds the prefix; false when it was already there. */
  private insert(high: number, low: number): boolean {
    if (this.size * 2 >= this.low.length) this.grow();
    const mask = this.low.length - 1;
    let slot = high & mask;
    while (this.low[slot] !== 0) {
      if (this.low[slot] === low && this.high[slot] === high) return false;
      slot = (slot + 1) & mask;
    }
    this.high[slot] = high;
    this.low[slot] = low;
    this.size++;
    return true;
  }

  private grow(): void {
    const [high, low] = [this.high, this.low];
    this.high = new Uint32Array(high.length * 2);
    this.low = new Uint32Array(low.length * 2);
    this.size = 0;
    for (let i = 0; i < low.length; i++) if (low[i] !== 0) this.insert(high[i]!, low[i]!);
  }
}
