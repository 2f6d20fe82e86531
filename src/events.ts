// What changes, told to subscribers: typed topics keyed by account (or import), in process by default, through Redis
// with REDIS_URL so that every server process hears every other's events. Messages are plain JSON and carry ids
// (subscription resolvers read the rows again), and what a later read could no longer tell: a case's payments at
// the step of an import that the event is about.
import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { CaseEventKind } from './store/cases.js';

export interface CaseUpdatedMessage {
  kind: CaseEventKind;
  caseId: number;
  /** ISO instant. */
  at: string;
  /** The case's payments and status right after this change (store/cases.ts CaseState, as JSON). */
  state?: CaseStateMessage;
}

export interface CaseStateMessage {
  status: 'OPEN' | 'REIMBURSED' | 'CLOSED';
  closedAt: string | null;
  closedBy: 'USER' | 'REIMBURSEMENT' | null;
  items: Array<{ id: number; reimbursedUnits: number }>;
  reimbursements: Array<{
    reimbursementId: string;
    approvalDate: string;
    reason: string;
    sku: string;
    units: number;
    /** Decimal, as text. */
    amount: string;
    currency: string;
    caseItemId: number;
  }>;
}

export interface MissingChangedMessage {
  skus: string[];
  at: string;
}

export interface ImportProgressMessage {
  id: number;
  status: string;
  rowsRead: number;
}

export interface DeadlineApproachingMessage {
  sku: string;
  type: string;
  units: number;
  deadline: string;
}

export interface SyncStatusMessage {
  /** The run that changed, when one did (a connection's change has none). */
  runId?: number;
  at: string;
}

export type Topics = {
  'case:updated': [accountId: number, message: CaseUpdatedMessage];
  'missing:changed': [accountId: number, message: MissingChangedMessage];
  'import:progress': [importId: number, message: ImportProgressMessage];
  'deadline:approaching': [accountId: number, message: DeadlineApproachingMessage];
  'sync:status': [accountId: number, message: SyncStatusMessage];
};

export type Events = PubSub<Topics> & { close(): Promise<void> };

/**
 * Channels on a shared Redis are named `<prefix>:<topic>:<key>`: several installations (or test runs) on one Redis
 * hear only their own events, though their account and import ids are the same numbers.
 */
function prefixedTarget(target: EventTarget, prefix: string): EventTarget {
  return {
    addEventListener: (type, listener, options) => target.addEventListener(`${prefix}:${type}`, listener, options),
    removeEventListener: (type, listener, options) =>
      target.removeEventListener(`${prefix}:${type}`, listener, options),
    dispatchEvent: (event) =>
      target.dispatchEvent(new CustomEvent(`${prefix}:${event.type}`, { detail: (event as CustomEvent).detail })),
  };
}

export function createEvents(redisUrl?: string, prefix = 'reclaim'): Events {
  if (!redisUrl) {
    const target = new EventTarget();
    // A dashboard per seller is many listeners of one topic: Node's default of 10 would warn.
    setMaxListeners(0, target);
    return Object.assign(createPubSub<Topics>({ eventTarget: target as never }), { close: async () => {} });
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  // Without listeners, a lost connection would be an unhandled 'error' event; ioredis reconnects by itself.
  for (const client of [publishClient, subscribeClient]) client.on('error', () => {});
  const eventTarget = prefixedTarget(
    createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient }) as unknown as EventTarget,
    prefix,
  );
  return Object.assign(createPubSub<Topics>({ eventTarget: eventTarget as never }), {
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  });
}
