// Subscriptions (docs/api.md): what changed, pushed to each account's own subscribers over graphql-ws and SSE. Messages
// carry ids and, for a case, its payments and status right after the change: the fields read the rows again and lay
// that state over them, so a subscriber sees the case as a query made right after the change would have.

import { GraphQLError } from 'graphql';
import type { CaseSnapshot } from '../domain/case-events.js';
import { Decimal } from '../domain/money.js';
import type {
  CaseUpdatedMessage,
  DeadlineApproachingMessage,
  ImportProgressMessage,
  MissingChangedMessage,
  Subscription,
} from '../events.js';
import type { Case, CaseItem } from '../generated/prisma/client.js';
import { SyncStatusType, syncStatusOf } from './amazon.js';
import { builder } from './builder.js';
import { CaseStatusEnum } from './case.js';
import { viewerOf } from './context.js';
import { MissingTypeEnum } from './product.js';
import { strictId } from './scalars.js';

const CaseEventKindEnum = builder.enumType('CaseEventKind', {
  values: ['OPENED', 'REIMBURSEMENT_RECEIVED', 'REIMBURSED', 'CLOSED', 'REOPENED', 'DELETED'] as const,
});

/**
 * One read per event and selection, shared by all the subscribers it reaches: a pubsub hands every listener the same
 * message object, so a hundred dashboards of one seller cost one query per change, not a hundred.
 */
const readsOfEvent = new WeakMap<object, Map<string, Promise<unknown>>>();
function readOncePerEvent<T>(message: object, key: string, read: () => Promise<T>): Promise<T> {
  let reads = readsOfEvent.get(message);
  if (!reads) {
    reads = new Map();
    readsOfEvent.set(message, reads);
  }
  let pending = reads.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    reads.set(key, pending);
  }
  return pending;
}

/**
 * The messages `keep` accepts; a subscription without a condition is not wrapped at all (fan-out is per message).
 * Not an async generator: one suspended on an await would hold its `return()` until the next message came.
 */
function only<T>(messages: Subscription<T>, keep: (message: T) => Promise<boolean>): Subscription<T> {
  const iterator: Subscription<T> = {
    async next() {
      for (;;) {
        const next = await messages.next();
        if (next.done || (await keep(next.value))) return next;
      }
    },
    return: () => messages.return(),
    throw: (error) => messages.throw(error),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

interface CaseEvent {
  message: CaseUpdatedMessage;
  accountId: number;
}

/**
 * Whether a selection of a case reads nothing but the case's own columns and its items' (the relations it needs, as
 * the Prisma plugin asks for them): what a message's snapshot holds. History or an item's product is read.
 */
function snapshotCovers(query: { include?: Record<string, unknown>; select?: unknown }): boolean {
  if (query.select !== undefined) return false;
  return Object.entries(query.include ?? {}).every(
    ([relation, wanted]) =>
      relation === 'items' &&
      (wanted === true ||
        (typeof wanted === 'object' && wanted !== null && Object.keys(wanted).every((key) => key === 'orderBy'))),
  );
}

/**
 * The case row a snapshot stands for. Without its `document`: no field of Case reads it (the evidence is served by its
 * own route, from the database), hence the one cast.
 */
function caseOfSnapshot(snapshot: CaseSnapshot): Case & { items: CaseItem[] } {
  const at = (iso: string | null) => (iso === null ? null : new Date(iso));
  const { reimbursements: _paid, ...columns } = snapshot;
  const row: Omit<Case, 'document'> & { items: Array<Omit<CaseItem, 'document' | 'claims'>> } = {
    ...columns,
    openedAt: new Date(snapshot.openedAt),
    closedAt: at(snapshot.closedAt),
    deletedAt: at(snapshot.deletedAt),
    createdAt: new Date(snapshot.createdAt),
    items: snapshot.items,
  };
  return row as Case & { items: CaseItem[] };
}

const CaseEventType = builder.objectRef<CaseEvent>('CaseEvent').implement({
  description: 'A change of a case: the case as it is after it (null once DELETED).',
  fields: (t) => ({
    kind: t.field({ type: CaseEventKindEnum, resolve: ({ message }) => message.kind }),
    caseId: t.id({ resolve: ({ message }) => message.caseId }),
    case: t.prismaField({
      type: 'Case',
      nullable: true,
      resolve: async (query, { message, accountId }, _args, ctx) => {
        if (message.kind === 'DELETED') return null;
        const { state } = message;
        // A snapshot is only ever the account's own: one message object may be published to several accounts.
        const snapshot = message.snapshot?.accountId === accountId ? message.snapshot : undefined;
        // The case as the change left it, from the message when it carries what the selection reads; else read, and
        // then with the event's state it is as it was at the event even if deleted since, without as it is now.
        const found =
          snapshot && snapshotCovers(query)
            ? caseOfSnapshot(snapshot)
            : await readOncePerEvent(message, `case:${accountId}:${JSON.stringify(query)}`, () =>
                ctx.db.prisma.case.findFirst({
                  ...query,
                  where: { id: message.caseId, accountId, ...(state ? {} : { deletedAt: null }) },
                }),
              );
        if (!found) return found;
        const paid = state?.reimbursements ?? snapshot?.reimbursements;
        if (paid) {
          ctx.loaders.attributions.prime(
            found.id,
            paid.map((line) => ({
              ...line,
              approvalDate: new Date(line.approvalDate),
              amount: { amount: new Decimal(line.amount), currency: line.currency },
            })),
          );
        }
        if (!state) return found;
        const units = new Map(state.items.map((item) => [item.id, item.reimbursedUnits]));
        for (const [id, reimbursed] of units) ctx.loaders.reimbursedUnitsOfItem.set(id, reimbursed);
        const items = (found as { items?: CaseItem[] }).items;
        return {
          ...found,
          status: state.status,
          closedAt: state.closedAt ? new Date(state.closedAt) : null,
          closedBy: state.closedBy,
          ...(items ? { items: items.map((item) => ({ ...item, reimbursedUnits: units.get(item.id) ?? 0 })) } : {}),
        };
      },
    }),
    at: t.field({ type: 'DateTime', resolve: ({ message }) => new Date(message.at) }),
  }),
});

const MissingChangedEventType = builder.objectRef<MissingChangedMessage>('MissingChangedEvent').implement({
  description: 'Products whose numbers changed (an import, a case, a window that opened or closed).',
  fields: (t) => ({
    skus: t.exposeStringList('skus'),
    at: t.field({ type: 'DateTime', resolve: (event) => new Date(event.at) }),
  }),
});

const ImportProgressType = builder.objectRef<ImportProgressMessage>('ImportProgress').implement({
  description: 'How far an import is: QUEUED, RUNNING (with the rows read so far), then SUCCEEDED or FAILED.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.exposeString('status'),
    rowsRead: t.exposeInt('rowsRead'),
  }),
});

const DeadlineApproachingEventType = builder
  .objectRef<DeadlineApproachingMessage>('DeadlineApproachingEvent')
  .implement({
    description: 'Claimable units whose deadline is within 7 days and that no case claims yet.',
    fields: (t) => ({
      sku: t.exposeString('sku'),
      type: t.field({ type: MissingTypeEnum, resolve: (event) => event.type as 'LOST' }),
      units: t.exposeInt('units'),
      deadline: t.field({ type: 'Date', resolve: (event) => event.deadline }),
    }),
  });

builder.subscriptionField('caseUpdated', (t) =>
  t.field({
    type: CaseEventType,
    description: "Every change of the account's cases; with `status`, those after which the case is in that status.",
    args: { status: t.arg({ type: CaseStatusEnum }) },
    subscribe: (_root, { status }, ctx) => {
      const accountId = viewerOf(ctx).id;
      const updates = ctx.events.subscribe('case:updated', accountId);
      if (!status) return updates;
      return only(updates, async (event) => {
        if (event.kind === 'DELETED') return false;
        if (event.state) return event.state.status === status;
        if (event.snapshot) return event.snapshot.status === status;
        const found = await readOncePerEvent(event, `status:${accountId}`, () =>
          ctx.db.prisma.case.findFirst({
            where: { id: event.caseId, accountId, deletedAt: null },
            select: { status: true },
          }),
        );
        return found?.status === status;
      });
    },
    resolve: (message, _args, ctx) => ({ message, accountId: viewerOf(ctx).id }),
  }),
);

builder.subscriptionField('missingChanged', (t) =>
  t.field({
    type: MissingChangedEventType,
    subscribe: (_root, _args, ctx) => ctx.events.subscribe('missing:changed', viewerOf(ctx).id),
    resolve: (event) => event,
  }),
);

builder.subscriptionField('importProgress', (t) =>
  t.field({
    type: ImportProgressType,
    description: "The progress of one of the account's imports, until it SUCCEEDED or FAILED (then the stream ends).",
    args: { id: t.arg.id({ required: true }) },
    subscribe: async function* (_root, { id }, ctx) {
      const wanted = strictId(String(id));
      const record =
        wanted === undefined
          ? null
          : await ctx.db.prisma.import.findFirst({ where: { id: wanted, accountId: viewerOf(ctx).id } });
      if (!record) throw new GraphQLError(`This account has no import ${id}`, { extensions: { code: 'NOT_FOUND' } });
      const importId = record.id;
      // Listen first, then read: an update between the two is not lost.
      const updates = ctx.events.subscribe('import:progress', importId)[Symbol.asyncIterator]();
      const first = updates.next();
      try {
        const current = await ctx.db.prisma.import.findUniqueOrThrow({ where: { id: importId } });
        yield { id: importId, status: current.status, rowsRead: current.rows };
        if (current.status === 'SUCCEEDED' || current.status === 'FAILED') return;
        for (let next = await first; !next.done; next = await updates.next()) {
          yield next.value;
          if (next.value.status === 'SUCCEEDED' || next.value.status === 'FAILED') return;
        }
      } finally {
        await updates.return?.();
      }
    },
    resolve: (update) => update,
  }),
);

builder.subscriptionField('deadlineApproaching', (t) =>
  t.field({
    type: DeadlineApproachingEventType,
    subscribe: (_root, _args, ctx) => ctx.events.subscribe('deadline:approaching', viewerOf(ctx).id),
    resolve: (event) => event,
  }),
);

builder.subscriptionField('syncStatusChanged', (t) =>
  t.field({
    type: SyncStatusType,
    nullable: true,
    description:
      'The sync status after each change: a run started, a feed fetched or waiting, a run finished, a connection made or refused (null once disconnected).',
    subscribe: (_root, _args, ctx) => ctx.events.subscribe('sync:status', viewerOf(ctx).id),
    resolve: (_message, _args, ctx) => syncStatusOf(ctx),
  }),
);
