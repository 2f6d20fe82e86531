// PostgreSQL's COPY text format, and the key that makes a row the same row in two imports.
import { createHash } from 'node:crypto';

function escapeText(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char]!)
    : text;
}

export function copyValue(value: unknown): string {
  if (value === undefined || value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return escapeText(value);
  return String(value);
}

export function copyLine(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : '\t') + copyValue(values[i]);
  return `${line}\n`;
}

/** MD5 of a row's identity fields, as a UUID (16 bytes in the index instead of the fields themselves). */
export function identityKey(identity: readonly unknown[]): string {
  const text = identity
    .map((value) => (value === undefined || value === null ? '\u0000' : String(value)))
    .join('\u0001');
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Numbers the repeats of one identity within a file (1 for the first row, 2 for an identical second row…), so that
 * two identical movements in one file stay two rows while a re-import of the same file matches them one for one.
 * Keys are remembered by a 64-bit prefix in an open-addressing table (8 bytes a row instead of a string in a Map);
 * a prefix collision only makes a first occurrence look like a repeat, which changes its number, never loses it.
 */
export class OccurrenceCounter {
  private table = new BigUint64Array(1 << 16);
  private size = 0;
  private readonly repeats = new Map<string, number>();

  next(key: string): number {
    const prefix = BigInt(`0x${key.slice(0, 8)}${key.slice(9, 13)}${key.slice(14, 18)}`) | 1n;
    if (this.insert(prefix)) return 1;
    const count = (this.repeats.get(key) ?? 1) + 1;
    this.repeats.set(key, count);
    return count;
  }

  /** Adds the prefix; false when it was already there. */
  private insert(prefix: bigint): boolean {
    if (this.size * 2 >= this.table.length) this.grow();
    const mask = this.table.length - 1;
    let slot = Number(prefix & BigInt(mask));
    while (this.table[slot] !== 0n) {
      if (this.table[slot] === prefix) return false;
      slot = (slot + 1) & mask;
    }
    this.table[slot] = prefix;
    this.size++;
    return true;
  }

  private grow(): void {
    const old = this.table;
    this.table = new BigUint64Array(old.length * 2);
    this.size = 0;
    for (const prefix of old) if (prefix !== 0n) this.insert(prefix);
  }
}
