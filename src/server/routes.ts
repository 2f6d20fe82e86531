// What the server answers before GraphQL: /healthz, signed documents, the dashboard, GraphiQL and the redirect to
// either; everything else goes to yoga (an SSE stream ending when its token is revoked).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { accountTokenHash } from './auth.js';
import { serveDocument } from './documents.js';
import { serveGraphiQL } from './graphiql.js';
import type { RevocationSweep } from './revocation.js';
import { serveWeb } from './web.js';
import type { ReclaimYoga } from './yoga.js';

export interface RoutesDependencies {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
  documentKey: () => Promise<string>;
  revocations: RevocationSweep;
  yoga: ReclaimYoga;
}

function acceptsEventStream(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').toLowerCase().includes('text/event-stream');
}

export function requestHandler({ config, db, clock, log, documentKey, revocations, yoga }: RoutesDependencies) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/healthz' || req.url?.startsWith('/healthz?')) {
      const healthy = await db.sql.query('SELECT 1').then(
        () => true,
        () => false,
      );
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable', database: db.kind }));
      return;
    }
    if (req.url?.startsWith('/documents/')) {
      await serveDocument(req, res, { db, clock, log, secret: documentKey }).catch((error: unknown) => {
        log.error({ err: error }, 'document failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (await serveWeb(req, res)) return;
    if (config.graphiql && (await serveGraphiQL(req, res))) return;
    if (req.url === '/' || req.url === '') {
      // The dashboard is built at install time (npm ci); without it, GraphiQL is the way in.
      res.writeHead(302, { location: '/graphql' });
      res.end();
      return;
    }
    // A Server-Sent Events stream lives as long as its subscription: it ends when its token is revoked.
    const tokenHash = acceptsEventStream(req) ? accountTokenHash(config, req.headers.authorization) : undefined;
    if (tokenHash) {
      res.once(
        'close',
        revocations.track(tokenHash, () => res.destroy()),
      );
    }
    await yoga.requestListener(req, res);
  };
}
