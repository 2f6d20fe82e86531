// docs/rules.md section 7: how long to wait before claiming, and the deadline, per type (an account can change them).

import type { Day } from './calendar.js';
import { DomainError } from './errors.js';
import { MISSING_TYPES, type MissingType, type Region } from './types.js';

export interface Window {
  /** W: days after the event before a claim makes sense (Amazon may still find or pay the unit by itself). */
  waitDays: number;
  /** E: days after the event after which Amazon no longer takes a claim. */
  deadlineDays: number;
}

/**
 * The rows of the policy table: one per type, and a second for REMOVAL (docs/rules.md section 10), whose units lost in
 * transit have their own window. `REMOVAL` alone is the window of the other removal events (lost before shipping).
 */
export const WINDOW_KINDS = [...MISSING_TYPES, 'REMOVAL_IN_TRANSIT'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export type Policy = Readonly<Record<WindowKind, Window>>;

/** The row of the policy table that dates an event of this type (inTransit: a removal lost in transit). */
export function windowKind(type: MissingType, inTransit = false): WindowKind {
  return type === 'REMOVAL' && inTransit ? 'REMOVAL_IN_TRANSIT' : type;
}

/** The type and event kind of a row of the policy table: the inverse of windowKind. */
export function windowKey(kind: WindowKind): { type: MissingType; inTransit: boolean } {
  return kind === 'REMOVAL_IN_TRANSIT' ? { type: 'REMOVAL', inTransit: true } : { type: kind, inTransit: false };
}

/**
 * Since 23 October 2024: warehouse claims within 60 days; customer-return claims 60–120 days (NA), 45–105 (EU); a
 * removal lost in transit 15–75 days after the shipment, other removal claims within 60 days.
 */
export function defaultPolicy(region: Region): Policy {
  return {
    LOST: { waitDays: 30, deadlineDays: 60 },
    DAMAGED: { waitDays: 10, deadlineDays: 60 },
    INBOUND: { waitDays: 15, deadlineDays: 60 },
    UNRETURNED: region === 'EU' ? { waitDays: 45, deadlineDays: 105 } : { waitDays: 60, deadlineDays: 120 },
    REMOVAL: { waitDays: 0, deadlineDays: 60 },
    REMOVAL_IN_TRANSIT: { waitDays: 15, deadlineDays: 75 },
  };
}

/** A window an account sets: a type's, or (inTransit) that of the removals lost in transit. */
export type PolicyOverride = { type: MissingType; inTransit?: boolean | null } & Window;

/** The account's policy: its own windows where it set them, the defaults of its region elsewhere. */
export function policyOf(region: Region, overrides: ReadonlyArray<PolicyOverride>): Policy {
  const policy = { ...defaultPolicy(region) };
  for (const { type, inTransit, waitDays, deadlineDays } of overrides)
    policy[windowKind(type, inTransit ?? false)] = { waitDays, deadlineDays };
  return policy;
}

export const MAX_POLICY_DAYS = 365;

/** A window must wait no longer than its deadline, both within a year. */
export function validateWindows(windows: ReadonlyArray<PolicyOverride>): void {
  const seen = new Set<WindowKind>();
  for (const { type: given, inTransit, waitDays, deadlineDays } of windows) {
    if (!MISSING_TYPES.includes(given))
      throw new DomainError('INVALID_POLICY', `${given} is not a type of missing units`);
    if (inTransit && given !== 'REMOVAL')
      throw new DomainError('INVALID_POLICY', `${given}: only REMOVAL has a window for units lost in transit`);
    const kind = windowKind(given, inTransit ?? false);
    const type = kind === 'REMOVAL_IN_TRANSIT' ? 'REMOVAL (in transit)' : given;
    if (seen.has(kind)) throw new DomainError('INVALID_POLICY', `the policy gives ${type} twice`);
    seen.add(kind);
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
 * docs/rules.md section 9: the first day Amazon pays units lost before a customer order at their manufacturing cost
 * (Amazon's notice: 10 March 2025, 11 March in Japan, the one FE marketplace it named). An account can set its own.
 */
export function defaultCostBasisDay(region: Region): Day {
  return region === 'FE' ? '2025-03-11' : '2025-03-10';
}

/** The account's cost-basis day: the one it set, else its region's. */
export function costBasisDayOf(region: Region, own: Day | null | undefined): Day {
  return own ?? defaultCostBasisDay(region);
}
