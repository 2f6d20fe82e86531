// Identifiers in Amazon's shapes. Order ids are a bijection of a number, so that the everyday traffic and the world's
// refunded orders can never produce the same order id for the same SKU.
import { hash32, type Random, scramble14 } from './generate-random.js';

/** Order numbers of the world's refunded orders start here; everyday traffic stays below. */
export const WORLD_ORDER_NUMBERS = 2 ** 45;

/**
 * Zero-padded digit groups, made once. Converting millions of random numbers with String() would fill V8's
 * number-to-string cache, which keeps each new string alive long enough to be moved to the old generation: tens of
 * megabytes of garbage that only a full collection frees.
 */
const FOUR_DIGITS = Array.from({ length: 10_000 }, (_, value) => String(value).padStart(4, '0'));

/** `value` (below 10^12) as `width` digits, zero-padded. */
export function digits(value: number, width: number): string {
  const low = FOUR_DIGITS[value % 10_000]!;
  if (width <= 4) return low.slice(4 - width);
  const middle = FOUR_DIGITS[Math.floor(value / 10_000) % 10_000]!;
  if (width <= 8) return middle.slice(8 - width) + low;
  return FOUR_DIGITS[Math.floor(value / 100_000_000) % 10_000]!.slice(12 - width) + middle + low;
}

/** The key of the order-id bijection: one per seller, shared by everyday and refunded orders so they never collide. */
export function orderKey(seed: number): number {
  return hash32(seed, 0x0bde5);
}

/** `111-1234567-1234567`; the first block varies like real NA order ids (111 to 114). */
export function amazonOrderId(key: number, orderNumber: number): string {
  const [left, right] = scramble14(orderNumber, key);
  // Joined rather than concatenated: one flat string instead of a rope of its pieces, which matters for the ones
  // that wait in memory for their refund or return.
  return [`11${1 + ((left ^ right) & 3)}`, digits(left, 7), digits(right, 7)].join('-');
}

export function licensePlate(random: Random): string {
  return `LPNRR${digits(random.int(0, 999_999_999), 9)}`;
}

/** 14 digits, as the settlement's order-item-code and adjustment-id are written. */
export function fourteenDigits(key: number, value: number): string {
  const [left, right] = scramble14(value, key);
  return `${digits(left, 7)}${digits(right, 7)}`;
}
