// Starting and stopping the server: listen (or take over a server listening already), then on stop refuse new
// connections, let running requests finish within a grace, and close what is left.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { RevocationSweep } from './revocation.js';
import { removeAbandonedUploads } from './uploads.js';
import type { RateLimiting } from './yoga.js';

export interface ServerLifecycle {
  /** Listens on the configured host and port (0 picks a free one) and returns the address. */
  start(): Promise<AddressInfo>;
  /**
   * Stops accepting, lets running requests finish (for up to `graceMs`), then closes what is left (subscriptions,
   * SSE streams). The database stays open for the caller.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface LifecycleParts {
  server: Server;
  config: Pick<Config, 'host' | 'port'>;
  log: Logger;
  revocations: RevocationSweep;
  /** The graphql-ws sockets. */
  sockets: { dispose(): unknown };
  rateLimiting: RateLimiting;
}

export function serverLifecycle({
  server,
  config,
  log,
  revocations,
  sockets,
  rateLimiting,
}: LifecycleParts): ServerLifecycle {
  return {
    async start() {
      removeAbandonedUploads().catch((error: unknown) => log.warn({ err: error }, 'abandoned uploads not removed'));
      if (server.listening) return server.address() as AddressInfo;
      await rateLimiting.ready();
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    async stop(graceMs = 10_000) {
      revocations.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await sockets.dispose();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      rateLimiting.close();
    },
  };
}
