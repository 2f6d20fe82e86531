// The context of one GraphQL operation, built by the same function for HTTP and graphql-ws: the account and its
// loaders, the clock, the events, the queue, and links to documents signed for this account.
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { documentSecret, signDocumentPath } from '../documents/signing.js';
import type { Events } from '../events.js';
import { announceCaseEvents } from '../jobs/announce.js';
import type { JobEnqueuer } from '../jobs/kit.js';
import type { Logger } from '../logger.js';
import { type Context, unauthenticated } from '../schema/context.js';
import { createLoaders } from '../schema/loaders.js';
import type { Authentication } from './auth.js';

export interface ContextDependencies {
  config: Config;
  db: Database;
  log: Logger;
  clock: Clock;
  events: Events;
  jobs: JobEnqueuer;
  /** The key that signs document links, read (or made) once, on first use. */
  documentKey: () => Promise<string>;
}

export type ContextFor = (auth: Authentication, origin: string, requestId: string) => Context;

/** The document-signing key, read from the database (or made there) on first use and kept. */
export function documentKeyOf(db: Database, config: Pick<Config, 'documentSecret'>): () => Promise<string> {
  let secret: Promise<string> | undefined;
  return () => {
    secret ??= documentSecret(db, config.documentSecret);
    return secret;
  };
}

/** The origin a client reached this server at, for absolute links (RECLAIM_PUBLIC_URL overrides it). */
export function originOf(host: string | null | undefined, url: string): string {
  if (host && /^[\w.-]+(:\d+)?$|^\[[\da-f:]+\](:\d+)?$/i.test(host)) return `http://${host}`;
  return new URL(url).origin;
}

export function contextFactory({ config, db, log, clock, events, jobs, documentKey }: ContextDependencies): ContextFor {
  return (auth, origin, requestId) => {
    const base = config.publicUrl ?? origin;
    return {
      db,
      config,
      clock,
      log: log.child(auth.account ? { requestId, accountId: auth.account.id } : { requestId }),
      account: auth.account,
      isAdmin: auth.isAdmin,
      dataVersion: auth.dataVersion,
      loaders: createLoaders(db, auth.account),
      audience: JSON.stringify([auth.account?.id ?? null, auth.isAdmin, base]),
      documents: {
        async link(path) {
          if (!auth.account) throw unauthenticated();
          const expires = new Date(clock.now().getTime() + config.documentLinkSeconds * 1000);
          return `${base}${signDocumentPath(await documentKey(), auth.account.id, path, expires)}`;
        },
      },
      events,
      jobs,
      publishCaseEvents: async (changes) => {
        if (auth.account) await announceCaseEvents({ events, db }, auth.account.id, changes);
      },
      publishMissingChanged: (skus) => {
        if (auth.account && skus.length > 0) {
          events.publish('missing:changed', auth.account.id, { skus: [...skus].sort(), at: clock.now().toISOString() });
        }
      },
    };
  };
}
