// Shared by the file writers: lines into chunks, money as Amazon writes it, rows waiting for their day.

/**
 * About 96 KB: big enough that the reader's per-chunk overhead is negligible, and below the 128 KiB from which V8
 * puts a string in its large-object space. A reader holds a chunk while the next one is built, so megabyte chunks
 * would survive a young-generation collection, move to the old generation and wait there for a full one (measured:
 * about 12 MB more peak memory for a ledger of two million rows).
 */
const CHUNK_CHARS = 96 * 1024;

/** A file's text: the header, then each line, `\n`-terminated, in chunks of CHUNK_CHARS or a line more. */
export function* chunked(header: readonly string[], lines: Iterable<string>): Generator<string> {
  // Joining an array once per chunk makes one flat string; `+=` per line builds ropes that cost more to collect.
  let pending: string[] = [header.join('\t')];
  let size = 0;
  for (const line of lines) {
    pending.push(line);
    size += line.length + 1;
    if (size >= CHUNK_CHARS) {
      pending.push('');
      yield pending.join('\n');
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) {
    pending.push('');
    yield pending.join('\n');
  }
}

/** `1299` → `12.99`, `-50` → `-0.50`. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(Math.round(cents));
  const fraction = whole % 100;
  return `${sign}${Math.floor(whole / 100)}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/** Items due on a later day (a return or refund decided when the sale is written). */
export class DayQueue<T> {
  private readonly byDay = new Map<number, T[]>();

  add(day: number, item: T): void {
    const due = this.byDay.get(day);
    if (due) due.push(item);
    else this.byDay.set(day, [item]);
  }

  take(day: number): T[] {
    const due = this.byDay.get(day) ?? [];
    this.byDay.delete(day);
    return due;
  }
}

/** Hands out records (by index) on their day, as a writer walks through the days: `dayOf` undefined = never. */
export class DayCursor {
  private readonly sorted: number[];
  private next = 0;

  constructor(
    count: number,
    private readonly dayOf: (index: number) => number | undefined,
  ) {
    const dated = Array.from({ length: count }, (_, index) => index).filter((index) => dayOf(index) !== undefined);
    this.sorted = dated.sort((a, b) => dayOf(a)! - dayOf(b)! || a - b);
  }

  /** The records of `day`; records of earlier days not taken yet are skipped. */
  *on(day: number): Generator<number> {
    for (; this.next < this.sorted.length; this.next++) {
      const index = this.sorted[this.next]!;
      const recordDay = this.dayOf(index)!;
      if (recordDay > day) return;
      if (recordDay === day) yield index;
    }
  }
}
