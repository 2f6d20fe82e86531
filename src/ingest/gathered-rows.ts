// The rows of one COPY of an append-only report, gathered batch by batch until there are enough of them.
import type { ProductMention } from '../domain/reports/format.js';
import { detached } from './products.js';

const INITIAL_BYTES = 1 << 20;
const LF = 10;
const BACKSLASH = 92;
const N = 78;

/**
 * What a file's rows said last of each product, kept from one COPY to the next by the GatheredRows of one writer.
 * A product's rows share one mention object for as long as they say the same of it, in every COPY: the resolver then
 * knows a mention it has remembered already by its identity (ProductResolver.rememberShared) instead of comparing its
 * text, about 800k times for a 20,000-SKU ledger of 1M rows (a mention object a COPY per SKU, when each COPY kept its
 * own). The mentions are copied out of the text they were read in (see detached): kept for the whole file, a slice
 * would keep its megabyte of text alive.
 */
export class MentionMemory {
  readonly last = new Map<string, { mention: ProductMention; copy: number }>();
  private copies = 0;

  /** A number for the next COPY's rows. */
  nextCopy(): number {
    return ++this.copies;
  }
}

/**
 * Each row's COPY text is kept as UTF-8 bytes in one buffer rather than as a string: the strings of 5,000 rows lived
 * through several collections of the young generation, which copied them each time and then promoted them (a fifth of
 * a 1M-row ledger's reading went to the garbage collector). The text of a row stops before its product id, its last
 * column, which only the database gives (ProductResolver.idsFor); `copyText` adds them.
 */
export class GatheredRows {
  private bytes = Buffer.alloc(0);
  private length = 0;
  /** The last COPY text, whose memory the next one reuses unless the database's thread took it. */
  private text: Buffer | undefined;
  /** Where each row's text ends in `bytes`. */
  private readonly ends: number[] = [];
  readonly skus: Array<string | undefined> = [];
  readonly lines: number[] = [];
  readonly mentions: Array<ProductMention | undefined> = [];

  get count(): number {
    return this.ends.length;
  }

  /** This COPY's number (MentionMemory.nextCopy). */
  private copy: number;
  /** The SKUs the rows' mentions name, each once. */
  private readonly mentionedSkus: string[] = [];
  /** The SKUs of rows that name one their mention does not (or that have no mention). */
  private readonly otherSkus = new Set<string>();
  /**
   * The mentions in the order they came, each once for a run of rows that share it: a resolver that remembers these
   * ends up where it would have after every row's, since a product's rows between two changes all said the same.
   */
  readonly changes: ProductMention[] = [];

  constructor(private readonly memory = new MentionMemory()) {
    this.copy = memory.nextCopy();
  }

  /** `text` ends with the tab before the product id. */
  add(text: string, sku: string | undefined, line: number, mention: ProductMention | undefined): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8: room for that, and `write` never cuts the text short.
    if (this.length + text.length * 3 > this.bytes.length) this.grow(text.length * 3);
    this.length += this.bytes.write(text, this.length);
    this.ends.push(this.length);
    // A product's rows mostly say the same of it: they share one mention (and its SKU) rather than each keeping its
    // own until the COPY, through the young generation's collections and then into the old one.
    let kept = mention;
    if (mention) {
      let last = this.memory.last.get(mention.sku);
      if (last === undefined) {
        const own = ownMention(mention);
        last = { mention: own, copy: this.copy };
        this.memory.last.set(own.sku, last);
        this.mentionedSkus.push(own.sku);
        this.changes.push(own);
      } else {
        const firstInCopy = last.copy !== this.copy;
        if (firstInCopy) {
          last.copy = this.copy;
          this.mentionedSkus.push(last.mention.sku);
        }
        if (!sameMention(last.mention, mention)) {
          last.mention = ownMention(mention);
          this.changes.push(last.mention);
        } else if (firstInCopy) this.changes.push(last.mention);
      }
      kept = last.mention;
    }
    if (kept && sku === kept.sku) sku = kept.sku;
    else if (sku !== undefined) this.otherSkus.add(sku);
    this.skus.push(sku);
    this.lines.push(line);
    this.mentions.push(kept);
  }

  /**
   * Empties it for the next COPY's rows, keeping its buffers: a fresh megabyte for each COPY's rows and another for
   * its text cost a page fault per 4 kB, about 9 µs each on this machine kind (25k of a 1M-row ledger import's 300k), as
   * glibc gives such blocks back to the system when they are freed (bin/reclaim.js's MALLOC_MMAP_THRESHOLD_).
   */
  clear(): void {
    this.length = 0;
    this.ends.length = 0;
    this.skus.length = 0;
    this.lines.length = 0;
    this.mentions.length = 0;
    this.copy = this.memory.nextCopy();
    this.mentionedSkus.length = 0;
    this.otherSkus.clear();
    this.changes.length = 0;
  }

  /** Every SKU the rows name, once. */
  distinctSkus(): string[] {
    return [...this.mentionedSkus, ...this.otherSkus];
  }

  /**
   * The COPY text of the rows, each with its product id (`\N` when it has none) and its line end. The next call
   * reuses its memory, so it must come once the database has read this text.
   */
  copyText(productIds: ReadonlyMap<string, number>): Uint8Array {
    const count = this.ends.length;
    // An id is at most 10 digits (an int), and a line end.
    const needed = this.length + count * 11;
    // A buffer handed over to another thread (Sql.copyFrom may, when the text fills it) is detached: its length is
    // then 0.
    const reusable = this.text !== undefined && this.text.buffer.byteLength >= needed;
    // With room to spare: the next COPY's text is rarely the same length.
    const text = reusable ? this.text! : Buffer.allocUnsafeSlow(needed + (needed >> 1));
    this.text = text;
    let at = 0;
    let start = 0;
    for (let i = 0; i < count; i++) {
      const end = this.ends[i]!;
      at += this.bytes.copy(text, at, start, end);
      start = end;
      const sku = this.skus[i];
      const id = sku === undefined ? undefined : productIds.get(sku);
      if (id === undefined) {
        text[at++] = BACKSLASH;
        text[at++] = N;
      } else at = writeInteger(text, at, id);
      text[at++] = LF;
    }
    return text.subarray(0, at);
  }

  private grow(needed: number): void {
    const bytes = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.length + needed, INITIAL_BYTES));
    this.bytes.copy(bytes, 0, 0, this.length);
    this.bytes = bytes;
  }
}

function ownMention({ sku, fnsku, asin, title }: ProductMention): ProductMention {
  return {
    sku: detached(sku),
    fnsku: fnsku && detached(fnsku),
    asin: asin && detached(asin),
    title: title && detached(title),
  };
}

function sameMention(a: ProductMention, b: ProductMention): boolean {
  return a.sku === b.sku && a.fnsku === b.fnsku && a.asin === b.asin && a.title === b.title;
}

/** Writes a non-negative integer's decimal digits at `at`; returns where they end. */
function writeInteger(target: Buffer, at: number, value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  let rest = value;
  for (let i = at + digits - 1; i >= at; i--) {
    target[i] = 48 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return at + digits;
}
