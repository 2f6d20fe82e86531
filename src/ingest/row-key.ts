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
  let text = '';
  for (let i = 0; i < identity.length; i++) {
    const value = identity[i];
    text += `${i === 0 ? '' : '\u0001'}${value === undefined || value === null ? '\u0000' : String(value)}`;
  }
  let hex = hash('md5', text, 'hex');
  if (day !== undefined) {
    const days = Math.min(Math.max(Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS), 0), 0xffff);
    hex = days.toString(16).padStart(4, '0') + hex.slice(4);
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
    const high = Number.parseInt(key.slice(0, 8), 16);
    // Never 0: an empty slot is all zeros.
    const low = (Number.parseInt(key.slice(9, 13) + key.slice(14, 18), 16) | 1) >>> 0;
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
