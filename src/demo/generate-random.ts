// Seeded randomness for the demo generator: the same seed must give the same files on every machine and Node version,
// so nothing here touches Math.random or the clock.

function finalMix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 32-bit hash of whole numbers (up to 2^53, negative allowed). Streams of randomness are keyed by it, so that each
 * part of the world (and each product-day of traffic) draws from its own stream and can be regenerated on its own.
 */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const whole = Math.trunc(part);
    h = finalMix((h ^ whole) >>> 0);
    h = finalMix((h + Math.floor(whole / 4_294_967_296)) >>> 0);
  }
  return h;
}

/** mulberry32: tiny, fast and good enough for invented data. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Restarts the stream, so one instance can serve millions of product-days without allocating. */
  reseed(seed: number): void {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('cannot pick from an empty list');
    return item;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let threshold = this.next() * total;
    for (const [value, weight] of choices) {
      threshold -= weight;
      if (threshold < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (!last) throw new Error('cannot pick from an empty list');
    return last[0];
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  poisson(mean: number): number {
    if (mean <= 0) return 0;
    // Knuth's method is exact but its cost grows with the mean, and exp(-mean) underflows past ~700.
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const swap = items[i]!;
      items[i] = items[j]!;
      items[j] = swap;
    }
    return items;
  }

  /** `length` characters drawn from `alphabet`. */
  code(alphabet: string, length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(this.next() * alphabet.length)];
    return text;
  }
}

const SEVEN_DIGITS = 10_000_000;

/**
 * A bijection of [0, 10^14) (a Feistel network on two 7-digit halves): distinct inputs give distinct outputs that look
 * random. Order ids are made from it, so they never collide however many the traffic needs, and can be recomputed
 * from the product and day alone.
 */
export function scramble14(value: number, key: number): [number, number] {
  let left = Math.floor(value / SEVEN_DIGITS) % SEVEN_DIGITS;
  let right = value % SEVEN_DIGITS;
  for (let round = 0; round < 4; round++) {
    const roundKey = Math.imul(key ^ round, 0x9e3779b1);
    const next = (left + (finalMix((right + roundKey) >>> 0) % SEVEN_DIGITS)) % SEVEN_DIGITS;
    left = right;
    right = next;
  }
  return [left, right];
}
