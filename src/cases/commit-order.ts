// What follows a change (announcing its events) in the order the changes committed, within this process: two
// changes of one case can commit one after the other and still finish their work in the other order.

/** A change's place in the line: wait for `ready` before announcing, `release` once done (or failed). */
export interface Turn {
  ready: Promise<void>;
  release(): void;
}

const lines = new WeakMap<object, Map<number, Promise<void>>>();

/**
 * Takes the next place in the line of `key` (an account) of `owner` (a database). Call it while holding the lock
 * that orders the commits, so that places follow commit order.
 */
export function takeTurn(owner: object, key: number): Turn {
  let byKey = lines.get(owner);
  if (!byKey) {
    byKey = new Map();
    lines.set(owner, byKey);
  }
  const ready = byKey.get(key) ?? Promise.resolve();
  let release!: () => void;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = ready.then(() => done);
  byKey.set(key, tail);
  const line = byKey;
  void tail.then(() => {
    if (line.get(key) === tail) line.delete(key);
  });
  return { ready, release };
}
