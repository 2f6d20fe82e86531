import { GraphQLError } from 'graphql';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { CaseEvent } from '../domain/case-events.js';
import type { Events } from '../events.js';
import type { Account } from '../generated/prisma/client.js';
import type { JobEnqueuer } from '../jobs/kit.js';
import type { Logger } from '../logger.js';
import type { Loaders } from './loaders.js';

/** What every resolver gets, built per request by the same function for HTTP and WebSocket. Read-only. */
export interface Context {
  readonly db: Database;
  readonly config: Config;
  readonly clock: Clock;
  readonly log: Logger;
  /** The account of the request's bearer token; null when the request carries none. */
  readonly account: Account | null;
  /** Whether the request carries the admin token. */
  readonly isAdmin: boolean;
  /** What names the committed data as `account` was read (src/server/auth.ts, src/server/response-cache.ts). */
  readonly dataVersion?: string;
  /** Made per request, and per event for a subscription (src/server/live-events.ts): never older than what they serve. */
  readonly loaders: Loaders;
  /**
   * Who may share a subscription event's resolution: the account and the origin its links point to. Subscribers of
   * the same audience and selection are sent one result.
   */
  readonly audience: string;
  /** Signed links to documents, absolute URLs a browser can open. */
  readonly documents: { link(path: string): Promise<string> };
  /** Tells the account's subscribers what changed in its cases (after the change committed). */
  publishCaseEvents(events: readonly CaseEvent[]): Promise<void>;
  /** Tells the account's subscribers which products have new numbers. */
  publishMissingChanged(skus: readonly string[]): void;
  readonly events: Events;
  readonly jobs: JobEnqueuer;
}

/** The instant the request's numbers are for: the asOf it gives, else now. */
export function asOfOf(ctx: Context, asOf: Date | null | undefined): Date {
  return asOf ?? ctx.clock.now();
}

export function unauthenticated(
  message = 'Authentication required: send the header Authorization: Bearer <account token>',
): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** The account the request acts for; a request without a token cannot read or change anything. */
export function viewerOf(ctx: Context): Account {
  if (!ctx.account) throw unauthenticated();
  return ctx.account;
}
