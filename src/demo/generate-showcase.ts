// The demo must show every type of missing units in every window state on asOf. Random events alone would usually do
// it, but "usually" is not enough for a demo, so a few products per (type, state) get an event placed at an age inside
// that state, and Amazon neither finds nor pays anything of that type for them (offsets would net their events away).
import type { MissingType } from '../domain/types.js';
import type { Random } from './generate-random.js';
import { WINDOW_STATES, type WindowState } from './generate-world-types.js';

/**
 * Ages (days before asOf) inside each window state of the policy table (docs/rules.md section 7, region NA), a few days
 * away from its edges: LOST W=30 E=60, DAMAGED W=10 E=60, INBOUND W=15 E=60 (from the closed date), UNRETURNED W=60
 * E=120 (from the refund). Expired ages stay young enough for the whole story (the order before a refund, the
 * shipping before a closing) to fit in the history.
 */
/** The types whose units the world's own events place in every window state (removals: generate-removals.ts). */
export const SHOWCASE_TYPES = ['LOST', 'DAMAGED', 'INBOUND', 'UNRETURNED'] as const satisfies readonly MissingType[];
export type ShowcaseType = (typeof SHOWCASE_TYPES)[number];

export const SHOWCASE_AGES: Readonly<Record<ShowcaseType, Readonly<Record<WindowState, readonly [number, number]>>>> = {
  LOST: { WAITING: [3, 25], CLAIMABLE: [35, 55], EXPIRED: [70, 170] },
  DAMAGED: { WAITING: [2, 8], CLAIMABLE: [14, 55], EXPIRED: [70, 170] },
  INBOUND: { WAITING: [2, 12], CLAIMABLE: [20, 55], EXPIRED: [70, 150] },
  UNRETURNED: { WAITING: [5, 50], CLAIMABLE: [65, 115], EXPIRED: [125, 165] },
};

/** Share of the catalogue that showcases each (type, state). */
const SHOWCASE_SHARE = 0.02;

export interface ShowcasePlan {
  products: Record<ShowcaseType, Record<WindowState, number[]>>;
  /** Per type, the products Amazon must leave alone (no found units, no reimbursement). */
  untouched: Record<ShowcaseType, Set<number>>;
}

export function planShowcase(random: Random, productCount: number): ShowcasePlan {
  const perPair = Math.max(2, Math.round(productCount * SHOWCASE_SHARE));
  const order = random.shuffle(Array.from({ length: productCount }, (_, index) => index));
  let next = 0;
  const products = {} as ShowcasePlan['products'];
  const untouched = {} as ShowcasePlan['untouched'];
  for (const type of SHOWCASE_TYPES) {
    products[type] = { WAITING: [], CLAIMABLE: [], EXPIRED: [] };
    untouched[type] = new Set();
    for (const state of WINDOW_STATES) {
      for (let n = 0; n < perPair; n++) {
        // Small catalogues reuse products: one product can then show several pairs, which still works.
        const product = order[next++ % productCount]!;
        products[type][state].push(product);
        untouched[type].add(product);
      }
    }
  }
  return { products, untouched };
}

export function showcaseAge(random: Random, type: ShowcaseType, state: WindowState): number {
  const [youngest, oldest] = SHOWCASE_AGES[type][state];
  return random.int(youngest, oldest);
}
