// The HTTP server: GraphQL over HTTP, SSE and graphql-ws on /graphql, GraphiQL in a browser, /healthz. Each part
// lives in its own file of src/server; this one puts them together.
import { createServer, type Server } from 'node:http';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Events } from '../events.js';
import type { JobEnqueuer } from '../jobs/kit.js';
import type { Logger } from '../logger.js';
import { authenticator } from './auth.js';
import { contextFactory, documentKeyOf } from './context.js';
import { serveGraphqlWs } from './graphql-ws.js';
import { type ServerLifecycle, serverLifecycle } from './lifecycle.js';
import { startRevocationSweep } from './revocation.js';
import { requestHandler } from './routes.js';
import { createReclaimYoga, rateLimiting } from './yoga.js';

export interface AppDependencies {
  config: Config;
  db: Database;
  log: Logger;
  clock: Clock;
  events: Events;
  /** Where requests put work (imports): a queue that this process, or another, runs. */
  jobs: JobEnqueuer;
  /**
   * A server already listening (`reclaim serve` answers /healthz with 503 while it waits for the database): the app
   * takes over its requests. Otherwise the app makes its own.
   */
  server?: Server;
}

export interface App extends ServerLifecycle {
  server: Server;
  /** Runs a request without a socket (tests). */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
}

export function buildApp({ config, db, log, clock, events, jobs, server: listening }: AppDependencies): App {
  const authenticate = authenticator(config, db);
  const documentKey = documentKeyOf(db, config);
  const contextFor = contextFactory({ config, db, log, clock, events, jobs, documentKey });
  const limits = rateLimiting(config, log);
  const yoga = createReclaimYoga({ config, log, limiters: limits.limiters, authenticate, contextFor });
  const revocations = startRevocationSweep(db, log);
  const server = listening ?? createServer();
  server.removeAllListeners('request');
  server.on('request', requestHandler({ config, db, clock, log, documentKey, revocations, yoga }));
  const sockets = serveGraphqlWs({ server, yoga, authenticate, revocations });
  return {
    server,
    fetch: async (input, init) => yoga.fetch(input as URL, init ?? {}),
    ...serverLifecycle({ server, config, log, revocations, sockets, rateLimiting: limits }),
  };
}
