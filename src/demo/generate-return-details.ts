// What a customer return looks like, for the everyday traffic and the world's refunded orders alike.
import { licensePlate } from './generate-ids.js';
import type { Random } from './generate-random.js';
import type { CustomerReturn } from './generate-world-types.js';

const DISPOSITIONS: readonly (readonly [string, number])[] = [
  ['SELLABLE', 70],
  ['CUSTOMER_DAMAGED', 15],
  ['DEFECTIVE', 10],
  ['CARRIER_DAMAGED', 5],
];

const REASONS: readonly (readonly [string, number])[] = [
  ['UNWANTED_ITEM', 30],
  ['NOT_AS_DESCRIBED', 20],
  ['DEFECTIVE', 15],
  ['ORDERED_WRONG_ITEM', 10],
  ['FOUND_BETTER_PRICE', 8],
  ['APPAREL_TOO_SMALL', 5],
  ['MISSING_PARTS', 5],
  ['DAMAGED_BY_CARRIER', 4],
  ['NO_REASON_GIVEN', 3],
];

const COMMENTS = [
  'too small',
  'not what I expected',
  'arrived scratched',
  'changed my mind',
  'stopped working after a week',
  'colour is different from the photo',
  'bought two by mistake',
];

export function drawCustomerReturn(random: Random, day: number, quantity: number, center: string): CustomerReturn {
  const disposition = random.weighted(DISPOSITIONS);
  return {
    day,
    minute: random.int(7 * 60, 22 * 60),
    quantity,
    center,
    disposition,
    reason: random.weighted(REASONS),
    status: disposition === 'SELLABLE' && random.chance(0.2) ? 'Repackaged Successfully' : 'Unit returned to inventory',
    licensePlate: licensePlate(random),
    comment: random.chance(0.35) ? random.pick(COMMENTS) : '',
  };
}
