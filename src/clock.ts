/** "Now" comes from here, never from `new Date()` in the code that decides things: demos and tests fix it. */
export interface Clock {
  now(): Date;
}

export function systemClock(fixed?: Date): Clock {
  return fixed ? { now: () => new Date(fixed) } : { now: () => new Date() };
}
