// A revoked token stops working everywhere within a second (issue 14, F4): every operation checks its token, and the
// connections that outlive an operation (graphql-ws sockets, Server-Sent Events streams) are closed when their token
// is revoked, by whichever process or command revoked it: a sweep asks the database, once per interval for all of
// this process's open connections, which of their tokens no longer open an account.
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { revokedAmong } from '../store/tokens.js';

export interface RevocationSweep {
  /** Closes `close` when the token of this SHA-256 is revoked; the returned function forgets it (connection ended). */
  track(tokenHash: string, close: () => void): () => void;
  stop(): void;
}

export function startRevocationSweep(db: Database, log: Logger, intervalMs = 500): RevocationSweep {
  const open = new Map<string, Set<() => void>>();
  let sweeping = false;
  const sweep = async () => {
    if (sweeping || open.size === 0) return;
    sweeping = true;
    try {
      for (const hash of await revokedAmong(db, [...open.keys()])) {
        const closers = open.get(hash);
        open.delete(hash);
        for (const close of closers ?? []) close();
      }
    } catch (error) {
      // The database away: the next sweep asks again; operations meanwhile check their token themselves.
      log.debug({ err: error }, 'token revocation sweep failed');
    } finally {
      sweeping = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return {
    track(tokenHash, close) {
      const closers = open.get(tokenHash) ?? new Set();
      closers.add(close);
      open.set(tokenHash, closers);
      return () => {
        closers.delete(close);
        if (closers.size === 0 && open.get(tokenHash) === closers) open.delete(tokenHash);
      };
    },
    stop: () => clearInterval(timer),
  };
}
