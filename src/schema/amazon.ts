// The account's connection to Amazon's Selling Partner API and the state of its syncs. Credentials go in through
// connectAmazon and never come out: the connection shows the end of its client id, never a secret.
import { connectAmazon, disconnectAmazon, requestSync } from '../amazon-sync/connect.js';
import { SYNC_FEEDS } from '../domain/sync/windows.js';
import type { AmazonConnection, AmazonSyncRun } from '../generated/prisma/client.js';
import { queueSync } from '../jobs/sync-amazon.js';
import { RegionEnum } from './account.js';
import { builder } from './builder.js';
import { type Context, viewerOf } from './context.js';
import { resultOf, resultUnion } from './errors.js';
import { ImportType } from './import.js';

const AmazonConnectionStatusEnum = builder.enumType('AmazonConnectionStatus', {
  values: {
    CONNECTED: {},
    REFUSED: {
      description: 'Login with Amazon refused the credentials (an expired or revoked refresh token): connect again.',
    },
  } as const,
});

export const AmazonFeedEnum = builder.enumType('AmazonFeed', {
  values: SYNC_FEEDS,
  description:
    'What a sync fetches: the ledger, reimbursements and customer returns reports, the settlement reports, the inbound shipments (Fulfillment Inbound), the refunds not settled yet (Finances), and the removal order and removal shipment reports.',
});

const SyncRunStatusEnum = builder.enumType('SyncRunStatus', { values: ['RUNNING', 'SUCCEEDED', 'FAILED'] as const });

const SyncFeedStatusEnum = builder.enumType('SyncFeedStatus', {
  values: {
    PENDING: {},
    WAITING: { description: 'Amazon is making the report, or a rate limit makes the sync wait.' },
    SUCCEEDED: {},
    FAILED: {},
  } as const,
});

const AmazonConnectionType = builder.prismaObject('AmazonConnection', {
  description: "The account's connection to the Selling Partner API.",
  fields: (t) => ({
    region: t.field({
      type: RegionEnum,
      description: "The account's region: which Selling Partner API endpoint the syncs call.",
      resolve: (_connection, _args, ctx) => viewerOf(ctx).region,
    }),
    marketplaceIds: t.exposeStringList('marketplaceIds'),
    clientIdEnding: t.string({
      description: 'The last 4 characters of the LWA client id, to tell which application it is.',
      resolve: (connection) => connection.clientId.slice(-4),
    }),
    status: t.expose('status', { type: AmazonConnectionStatusEnum }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description: 'What went wrong in the last sync, when something did.',
    }),
    syncEveryHours: t.exposeInt('syncEveryHours'),
    connectedAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('AmazonSyncStep', {
  name: 'SyncFeedResult',
  description: 'What a sync fetched of one feed: its window, the report Amazon made, what the imports found.',
  fields: (t) => ({
    feed: t.expose('feed', { type: AmazonFeedEnum }),
    status: t.expose('status', { type: SyncFeedStatusEnum }),
    dataStart: t.expose('dataStart', { type: 'DateTime', description: 'The start of the data window asked for.' }),
    dataEnd: t.expose('dataEnd', { type: 'DateTime' }),
    amazonReportId: t.exposeString('amazonReportId', { nullable: true }),
    rows: t.exposeInt('rows'),
    inserted: t.exposeInt('inserted'),
    updated: t.exposeInt('updated', {
      description: 'Rows that changed one already there (a removal order Amazon rewrote).',
    }),
    duplicates: t.exposeInt('duplicates'),
    error: t.exposeString('error', { nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    wakeAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the sync looks again at a WAITING feed (the report Amazon is making, the end of a rate limit’s wait); ' +
        'null while the sync is looking at it, and for a feed in any other status. Meanwhile the feeds after it go on.',
      resolve: (step) => (step.status === 'WAITING' ? step.wakeAt : null),
    }),
    imports: t.field({
      type: [ImportType],
      description: 'The imports the feed made, through the same pipeline as uploads.',
      resolve: (step, _args, ctx) =>
        ctx.db.prisma.import.findMany({
          where: { id: { in: step.importIds }, accountId: viewerOf(ctx).id },
          orderBy: { id: 'asc' },
        }),
    }),
  }),
});

const SyncRunType = builder.prismaObject('AmazonSyncRun', {
  name: 'SyncRun',
  description: 'One sync: started on connecting, on request or on schedule.',
  fields: (t) => ({
    id: t.exposeID('id'),
    trigger: t.exposeString('trigger', { description: 'CONNECT, MANUAL or SCHEDULE.' }),
    status: t.expose('status', { type: SyncRunStatusEnum }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    error: t.exposeString('error', { nullable: true, description: 'The feeds that failed, and why.' }),
    feeds: t.relation('steps', { query: { orderBy: { position: 'asc' } } }),
  }),
});

export interface SyncStatus {
  connection: AmazonConnection;
  lastRun: AmazonSyncRun | null;
}

export const SyncStatusType = builder.objectRef<SyncStatus>('SyncStatus').implement({
  description: 'Where the Selling Partner API syncs of the account are: the last run, the next, the errors.',
  fields: (t) => ({
    connection: t.field({ type: AmazonConnectionType, resolve: (status) => status.connection }),
    // Only the latest run can be running.
    running: t.boolean({ resolve: ({ lastRun }) => lastRun?.status === 'RUNNING' }),
    lastRun: t.field({
      type: SyncRunType,
      nullable: true,
      description: 'The latest run, running or finished, with the result of each feed.',
      resolve: ({ lastRun }) => lastRun,
    }),
    lastSucceededAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: async ({ connection }, _args, ctx) =>
        (
          await ctx.db.prisma.amazonSyncRun.findFirst({
            where: { connectionId: connection.id, status: 'SUCCEEDED' },
            orderBy: { id: 'desc' },
          })
        )?.finishedAt ?? null,
    }),
    nextRunAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the next scheduled sync starts; null while the connection is REFUSED.',
      resolve: ({ connection }) => (connection.status === 'REFUSED' ? null : connection.nextSyncAt),
    }),
    error: t.string({
      nullable: true,
      description: "The connection's last error (the last run's failed feeds, or Amazon refusing the credentials).",
      resolve: ({ connection }) => connection.lastError,
    }),
    runs: t.prismaField({
      type: ['AmazonSyncRun'],
      description: 'The latest runs, newest first (at most 50).',
      args: { first: t.arg.int({ defaultValue: 10 }) },
      resolve: (query, { connection }, { first }, ctx) =>
        ctx.db.prisma.amazonSyncRun.findMany({
          ...query,
          where: { connectionId: connection.id },
          orderBy: { id: 'desc' },
          take: Math.min(Math.max(first ?? 10, 0), 50),
        }),
    }),
  }),
});

/** The account's sync status, read again (subscriptions call it after each change); null when not connected. */
export async function syncStatusOf(ctx: Context): Promise<SyncStatus | null> {
  const accountId = viewerOf(ctx).id;
  // The run first, then its connection: a run seen finished comes with the next sync it set (one transaction wrote
  // both), where the other order could show a finished run beside the connection of before it finished.
  const lastRun = await ctx.db.prisma.amazonSyncRun.findFirst({ where: { accountId }, orderBy: { id: 'desc' } });
  const connection = await ctx.db.prisma.amazonConnection.findUnique({ where: { accountId } });
  if (!connection) return null;
  return { connection, lastRun: lastRun?.connectionId === connection.id ? lastRun : null };
}

builder.queryField('amazonConnectionAvailable', (t) =>
  t.boolean({
    description:
      'Whether this server can connect accounts to Amazon: it seals the credentials under RECLAIM_SECRET_KEY, and connectAmazon refuses (SECRET_KEY_MISSING) while the operator has not set it.',
    resolve: (_root, _args, ctx) => {
      viewerOf(ctx);
      return ctx.config.amazon.secretKey !== undefined;
    },
  }),
);

builder.queryField('syncStatus', (t) =>
  t.field({
    type: SyncStatusType,
    nullable: true,
    description: 'The Selling Partner API connection and its syncs; null when the account is not connected.',
    resolve: (_root, _args, ctx) => syncStatusOf(ctx),
  }),
);

const ConnectAmazonInput = builder.inputType('ConnectAmazonInput', {
  description:
    "The seller's Selling Partner API authorisation: the LWA credentials of the application and the refresh token the seller's authorisation gave. Sealed at rest, never returned, never logged.",
  fields: (t) => ({
    clientId: t.string({ required: true }),
    clientSecret: t.string({ required: true }),
    refreshToken: t.string({ required: true }),
    marketplaceIds: t.stringList({ required: true, description: 'Such as ATVPDKIKX0DER (amazon.com).' }),
    syncEveryHours: t.int({ description: 'From 1 to 168; RECLAIM_SYNC_HOURS (24) when omitted.' }),
  }),
});

const ConnectAmazonSuccess = builder.objectRef<SyncStatus>('ConnectAmazonSuccess').implement({
  fields: (t) => ({ syncStatus: t.field({ type: SyncStatusType, resolve: (status) => status }) }),
});

builder.mutationField('connectAmazon', (t) =>
  t.field({
    type: resultUnion('ConnectAmazonResult', ConnectAmazonSuccess),
    description:
      'Connects the account to the Selling Partner API (or replaces its connection): the credentials are checked with Login with Amazon, sealed, and a first sync starts. Codes: INVALID_INPUT, AMAZON_REFUSED, AMAZON_UNAVAILABLE, SECRET_KEY_MISSING.',
    args: { input: t.arg({ type: ConnectAmazonInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      resultOf(async () => {
        const account = viewerOf(ctx);
        const connection = await connectAmazon({ ...ctx, queueSync: queueSync(ctx.jobs) }, account.id, input);
        ctx.log.info({ marketplaceIds: connection.marketplaceIds }, 'connected to Amazon');
        return (await syncStatusOf(ctx)) as SyncStatus;
      }),
  }),
);

const SyncAmazonSuccess = builder.objectRef<SyncStatus>('SyncAmazonSuccess').implement({
  fields: (t) => ({ syncStatus: t.field({ type: SyncStatusType, resolve: (status) => status }) }),
});

builder.mutationField('syncAmazon', (t) =>
  t.field({
    type: resultUnion('SyncAmazonResult', SyncAmazonSuccess),
    description:
      'Starts a sync now (a running one goes on). A REFUSED connection is tried again. Follow it with syncStatusChanged. Code: NOT_CONNECTED.',
    resolve: (_root, _args, ctx) =>
      resultOf(async () => {
        await requestSync({ db: ctx.db, queueSync: queueSync(ctx.jobs) }, viewerOf(ctx).id);
        return (await syncStatusOf(ctx)) as SyncStatus;
      }),
  }),
);

const DisconnectAmazonSuccess = builder.objectRef<{ disconnected: true }>('DisconnectAmazonSuccess').implement({
  fields: (t) => ({ disconnected: t.exposeBoolean('disconnected') }),
});

builder.mutationField('disconnectAmazon', (t) =>
  t.field({
    type: resultUnion('DisconnectAmazonResult', DisconnectAmazonSuccess),
    description: 'Forgets the connection and its credentials (imported data stays). Code: NOT_CONNECTED.',
    resolve: (_root, _args, ctx) =>
      resultOf(async () => {
        await disconnectAmazon(ctx, viewerOf(ctx).id);
        return { disconnected: true as const };
      }),
  }),
);
