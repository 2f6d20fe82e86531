// docs/rules.md section 4: the window state of a unit of the missing pool on asOf's UTC day.
import { addDays, type Day } from './calendar.js';
import type { Window } from './policy.js';

export const WINDOW_STATES = ['WAITING', 'CLAIMABLE', 'EXPIRED'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

export interface WindowDates {
  /** date + W: the first day a claim can be made. */
  opens: Day;
  /** date + E: the last day a claim can be made. */
  deadline: Day;
}

export function windowDates(eventDay: Day, window: Window): WindowDates {
  return { opens: addDays(eventDay, window.waitDays), deadline: addDays(eventDay, window.deadlineDays) };
}

/** WAITING before date + W; CLAIMABLE from date + W to date + E, both days included; EXPIRED after date + E. */
export function windowState(eventDay: Day, window: Window, asOfDay: Day): WindowState {
  return stateOn(windowDates(eventDay, window), asOfDay);
}

/** The same, from the window's dates. */
export function stateOn({ opens, deadline }: WindowDates, asOfDay: Day): WindowState {
  if (asOfDay < opens) return 'WAITING';
  if (asOfDay <= deadline) return 'CLAIMABLE';
  return 'EXPIRED';
}
