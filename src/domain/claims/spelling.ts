// One English spelling per region, in the description and the Excel evidence alike: Seller Central in North America
// and the Far East writes American English ("fulfillment center"), in Europe British English ("fulfilment centre").
import type { Region } from '../types.js';

export type EnglishSpelling = 'en-US' | 'en-GB';

export function englishOf(region: Region): EnglishSpelling {
  return region === 'EU' ? 'en-GB' : 'en-US';
}

const CENTRE: Readonly<Record<EnglishSpelling, readonly [one: string, many: string]>> = {
  'en-US': ['fulfillment center', 'fulfillment centers'],
  'en-GB': ['fulfilment centre', 'fulfilment centres'],
};

/** "fulfillment center" or "fulfilment centre" (plural with `many`). */
export function fulfilmentCentre(spelling: EnglishSpelling, many = false): string {
  return CENTRE[spelling][many ? 1 : 0];
}
