// RULES.md section 7: how long to wait before claiming, and the deadline, per type (an account can change them).

import type { Day } from './calendar.js';
import { DomainError } from './errors.js';
import { MISSING_TYPES, type MissingType, type Region } from './types.js';

export interface Window {
  /** W: days after the event before a claim makes sense (Amazon may still find or pay the unit by itself). */
  waitDays: number;
  /** E: days after the event after which Amazon no longer takes a claim. */
  deadlineDays: number;
}

export type Policy = Readonly<Record<MissingType, Window>>;

/** Since 23 October 2024: warehouse claims within 60 days; customer-return claims 60–120 days (NA), 45–105 (EU). */
export function defaultPolicy(region: Region): Policy {
  return {
    LOST: { waitDays: 30, deadlineDays: 60 },
    DAMAGED: { waitDays: 10, deadlineDays: 60 },
    INBOUND: { waitDays: 15, deadlineDays: 60 },
    UNRETURNED: region === 'EU' ? { waitDays: 45, deadlineDays: 105 } : { waitDays: 60, deadlineDays: 120 },
  };
}

/** The account's policy: its own windows where it set them, the defaults of its region elsewhere. */
export function policyOf(region: Region, overrides: ReadonlyArray<{ type: MissingType } & Window>): Policy {
  const policy = { ...defaultPolicy(region) };
  for (const { type, waitDays, deadlineDays } of overrides) policy[type] = { waitDays, deadlineDays };
  return policy;
}

export const MAX_POLICY_DAYS = 365;

/** A window must wait no longer than its deadline, both within a year. */
export function validateWindows(windows: ReadonlyArray<{ type: MissingType } & Window>): void {
  const seen = new Set<MissingType>();
  for (const { type, waitDays, deadlineDays } of windows) {
    if (!MISSING_TYPES.includes(type))
      throw new DomainError('INVALID_POLICY', `${type} is not a type of missing units`);
    if (seen.has(type)) throw new DomainError('INVALID_POLICY', `the policy gives ${type} twice`);
    seen.add(type);
    for (const [name, days] of [
      ['waitDays', waitDays],
      ['deadlineDays', deadlineDays],
    ] as const) {
      if (!Number.isInteger(days) || days < 0 || days > MAX_POLICY_DAYS) {
        throw new DomainError(
          'INVALID_POLICY',
          `${type}: ${name} must be a whole number of days from 0 to ${MAX_POLICY_DAYS}, not ${days}`,
        );
      }
    }
    if (waitDays > deadlineDays) {
      throw new DomainError(
        'INVALID_POLICY',
        `${type}: the wait (${waitDays} days) cannot be longer than the deadline (${deadlineDays} days)`,
      );
    }
  }
}

/**
 * RULES.md section 9: the first day Amazon pays units lost before a customer order at their manufacturing cost
 * (Amazon's notice: 10 March 2025, 11 March in Japan, the one FE marketplace it named). An account can set its own.
 */
export function defaultCostBasisDay(region: Region): Day {
  return region === 'FE' ? '2025-03-11' : '2025-03-10';
}

/** The account's cost-basis day: the one it set, else its region's. */
export function costBasisDayOf(region: Region, own: Day | null | undefined): Day {
  return own ?? defaultCostBasisDay(region);
}
