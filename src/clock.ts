/** "Now" comes from here, never from `new Date()` in the code that decides things: demos and tests fix it. */
export interface Clock {
  now(): Date;
}

export function systemClock(fixed?: Date): Clock {
  return fixed ? { now: () => new Date(fixed) } : { now: () => new Date() };
}

/**
 * Wall-clock time, for what is compared with the database's now() or happens in real time: leases, wake-ups, the
 * next scheduled sync, when an event was sent. Never the day a rule reasons about, which is a Clock's now().
 */
export function realNow(): Date {
  return new Date();
}
