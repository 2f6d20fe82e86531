// The Selling Partner API connection of each account and the state of its syncs: runs, their steps, the cursors.

import type { Credentials } from '../amazon/client.js';
import { seal, unseal } from '../amazon/sealed.js';
import type { Database } from '../db/database.js';
import { PROVISIONAL_SETTLEMENT_ID } from '../domain/sync/finances-transactions.js';
import { SYNC_FEEDS, type SyncFeed, type SyncSettings, windowOf } from '../domain/sync/windows.js';
import type { AmazonConnection, AmazonSyncStep } from '../generated/prisma/client.js';
import { markStale } from './missing-pool.js';

export type SyncTrigger = 'CONNECT' | 'MANUAL' | 'SCHEDULE';

/** Each sealed value opens only in its own account and field. */
const contextOf = (accountId: number, field: 'client_secret' | 'refresh_token') =>
  `amazon_connection:${accountId}:${field}`;

export interface NewConnection {
  accountId: number;
  credentials: Credentials;
  marketplaceIds: string[];
  syncEveryHours: number;
}

/** Saves (or replaces) the account's connection, its secrets sealed; a connection made again is CONNECTED. */
export async function saveConnection(db: Database, key: Buffer, input: NewConnection, now: Date) {
  const { accountId, credentials } = input;
  const data = {
    clientId: credentials.clientId,
    clientSecret: seal(key, credentials.clientSecret, contextOf(accountId, 'client_secret')),
    refreshToken: seal(key, credentials.refreshToken, contextOf(accountId, 'refresh_token')),
    marketplaceIds: input.marketplaceIds,
    syncEveryHours: input.syncEveryHours,
    status: 'CONNECTED' as const,
    lastError: null,
    nextSyncAt: now,
    updatedAt: now,
  };
  return db.prisma.amazonConnection.upsert({
    where: { accountId },
    create: { accountId, createdAt: now, ...data },
    update: data,
  });
}

/**
 * Removes the account's connection (its runs go with it) and its cursors: a later connection, perhaps to another
 * seller, starts from its own history. False when it was not connected.
 */
export async function deleteConnection(db: Database, accountId: number): Promise<boolean> {
  const gone = await db.prisma.amazonConnection.deleteMany({ where: { accountId } });
  if (gone.count === 0) return false;
  await db.prisma.amazonSyncCursor.deleteMany({ where: { accountId } });
  return true;
}

export function credentialsOf(connection: AmazonConnection, key: Buffer): Credentials {
  return {
    clientId: connection.clientId,
    clientSecret: unseal(key, connection.clientSecret, contextOf(connection.accountId, 'client_secret')),
    refreshToken: unseal(key, connection.refreshToken, contextOf(connection.accountId, 'refresh_token')),
  };
}

/**
 * Takes (or renews) the right to work on the account's sync for `seconds`. Times are the database's, the one clock
 * every process shares. A process that dies keeps it until it lapses.
 */
export async function takeLease(db: Database, accountId: number, owner: string, seconds: number): Promise<boolean> {
  const taken = await db.sql.execute(
    `UPDATE amazon_connection SET lease_owner = $2, lease_until = now() + make_interval(secs => $3)
     WHERE account_id = $1 AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until < now())`,
    [accountId, owner, seconds],
  );
  return taken > 0;
}

/** How long until the lease someone else holds lapses (0 when none is held). */
export async function leaseLeftMs(db: Database, accountId: number): Promise<number> {
  const [row] = await db.sql.query<{ ms: number | null }>(
    `SELECT GREATEST(0, EXTRACT(EPOCH FROM (lease_until - now())) * 1000)::float8 AS ms
     FROM amazon_connection WHERE account_id = $1 AND lease_owner IS NOT NULL`,
    [accountId],
  );
  return Math.ceil(Number(row?.ms ?? 0));
}

export async function releaseLease(db: Database, accountId: number, owner: string): Promise<void> {
  await db.sql.execute(
    'UPDATE amazon_connection SET lease_owner = NULL, lease_until = NULL WHERE account_id = $1 AND lease_owner = $2',
    [accountId, owner],
  );
}

/** At the start of the only process of an embedded database: a lease left by a crash is nobody's. */
export async function releaseAllLeases(db: Database): Promise<void> {
  await db.sql.execute(
    'UPDATE amazon_connection SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL',
  );
}

export function unfinishedRun(db: Database, accountId: number) {
  return db.prisma.amazonSyncRun.findFirst({
    where: { accountId, status: 'RUNNING' },
    include: { steps: { orderBy: { position: 'asc' } } },
  });
}

/** Whether a run of the account started at `since` or after: a sync asked for then has been served. */
export async function runStartedSince(db: Database, accountId: number, since: Date): Promise<boolean> {
  const run = await db.prisma.amazonSyncRun.findFirst({
    where: { accountId, startedAt: { gte: since } },
    select: { id: true },
  });
  return run !== null;
}

/** The end of the latest settlement Amazon made (not the provisional one): Finances refunds start there. */
export async function settledThrough(db: Database, accountId: number): Promise<Date | undefined> {
  const [row] = await db.sql.query<{ end: Date | null }>(
    `SELECT max(settlement_end_date) AS end FROM settlement_row WHERE account_id = $1 AND settlement_id <> $2`,
    [accountId, PROVISIONAL_SETTLEMENT_ID],
  );
  return row?.end ?? undefined;
}

/** Starts a run with one step per feed, each with its window from the feed's cursor. */
export async function startRun(
  db: Database,
  connection: AmazonConnection,
  input: { trigger: SyncTrigger; asOf: Date; startedAt: Date; settings: SyncSettings },
) {
  const cursors = await db.prisma.amazonSyncCursor.findMany({ where: { accountId: connection.accountId } });
  const settled = await settledThrough(db, connection.accountId);
  const steps = SYNC_FEEDS.map((feed, position) => {
    const window = windowOf(feed, {
      asOf: input.asOf,
      fetchedThrough: cursors.find((cursor) => cursor.feed === feed)?.fetchedThrough,
      settledThrough: settled,
      settings: input.settings,
    });
    return { feed, position, dataStart: window.start, dataEnd: window.end };
  });
  return db.prisma.amazonSyncRun.create({
    data: {
      accountId: connection.accountId,
      connectionId: connection.id,
      trigger: input.trigger,
      startedAt: input.startedAt,
      steps: { create: steps },
    },
    include: { steps: { orderBy: { position: 'asc' } } },
  });
}

export function updateStep(db: Database, step: AmazonSyncStep, data: Partial<AmazonSyncStep>) {
  return db.prisma.amazonSyncStep.update({ where: { id: step.id }, data });
}

/** A feed fetched through `through`: the next sync starts there (less the look-back). */
export async function advanceCursor(db: Database, accountId: number, feed: SyncFeed, through: Date) {
  await db.prisma.amazonSyncCursor.upsert({
    where: { accountId_feed: { accountId, feed } },
    create: { accountId, feed, fetchedThrough: through },
    update: { fetchedThrough: through },
  });
}

/** A feed fetched through `through` in part (a sync that failed after some slices): never moves the cursor back. */
export async function moveCursorForward(db: Database, accountId: number, feed: SyncFeed, through: Date) {
  await db.sql.execute(
    `INSERT INTO amazon_sync_cursor (account_id, feed, fetched_through) VALUES ($1, $2::"AmazonFeed", $3)
     ON CONFLICT (account_id, feed) DO UPDATE SET fetched_through = GREATEST(amazon_sync_cursor.fetched_through, $3)`,
    [accountId, feed, through],
  );
}

/** Of these shipments, those whose items are stored: the sync need not ask Amazon for their items by id. */
export async function shipmentsWithItems(db: Database, accountId: number, shipmentIds: string[]): Promise<Set<string>> {
  if (shipmentIds.length === 0) return new Set();
  const rows = await db.sql.query<{ shipment_id: string }>(
    'SELECT DISTINCT shipment_id FROM shipment_item WHERE account_id = $1 AND shipment_id = ANY($2::text[])',
    [accountId, shipmentIds],
  );
  return new Set(rows.map((row) => row.shipment_id));
}

/**
 * Deletes the provisional refunds (from Finances) that a settlement now holds: those posted before the end of the
 * latest real settlement. Their products are computed again. Returns how many rows went.
 */
export async function dropSettledProvisionalRefunds(db: Database, accountId: number): Promise<number> {
  return db.transaction(async (sql) => {
    const gone = await sql.query<{ product_id: number | null }>(
      `DELETE FROM settlement_row
       WHERE account_id = $1 AND settlement_id = $2
         AND posted_date < (SELECT max(settlement_end_date) FROM settlement_row
                            WHERE account_id = $1 AND settlement_id <> $2)
       RETURNING product_id`,
      [accountId, PROVISIONAL_SETTLEMENT_ID],
    );
    await markStale(
      sql,
      accountId,
      gone.flatMap((row) => (row.product_id === null ? [] : [row.product_id])),
    );
    return gone.length;
  });
}

/**
 * The SKUs Amazon fulfils for the account: those of its FBA reports (ledger, inbound shipments, FBA customer
 * returns, reimbursements) and of its settled FBA (AFN) orders. Finances refunds of these are FBA refunds.
 */
export async function fbaSkus(db: Database, accountId: number): Promise<Set<string>> {
  const rows = await db.sql.query<{ sku: string }>(
    `SELECT p.sku FROM product p
     WHERE p.account_id = $1
       AND (EXISTS (SELECT 1 FROM ledger_entry x WHERE x.account_id = $1 AND x.product_id = p.id)
            OR EXISTS (SELECT 1 FROM shipment_item x WHERE x.account_id = $1 AND x.product_id = p.id)
            OR EXISTS (SELECT 1 FROM customer_return x WHERE x.account_id = $1 AND x.product_id = p.id)
            OR EXISTS (SELECT 1 FROM reimbursement x WHERE x.account_id = $1 AND x.product_id = p.id)
            OR EXISTS (SELECT 1 FROM settlement_row x
                       WHERE x.account_id = $1 AND x.product_id = p.id AND x.fulfillment_id = 'AFN'))`,
    [accountId],
  );
  return new Set(rows.map((row) => row.sku));
}

/** Connections whose scheduled sync is due (real time), and those whose running sync should have woken by now. */
export async function connectionsToWake(db: Database): Promise<number[]> {
  const rows = await db.sql.query<{ account_id: number }>(
    `SELECT c.account_id FROM amazon_connection c
     WHERE (c.status = 'CONNECTED' AND c.next_sync_at <= now())
        OR EXISTS (SELECT 1 FROM amazon_sync_run r WHERE r.connection_id = c.id AND r.status = 'RUNNING'
                   AND (c.wake_at IS NULL OR c.wake_at <= now() - interval '1 minute'))`,
  );
  return rows.map((row) => row.account_id);
}

/** The account's connection with its region, or null when it is not connected. */
export function connectionOf(db: Database, accountId: number) {
  return db.prisma.amazonConnection.findUnique({
    where: { accountId },
    include: { account: { select: { region: true } } },
  });
}

/** The account's latest run with its steps in order (what the CLI reports as it goes). */
export function latestRun(db: Database, accountId: number) {
  return db.prisma.amazonSyncRun.findFirst({
    where: { accountId },
    orderBy: { id: 'desc' },
    include: { steps: { orderBy: { position: 'asc' } } },
  });
}

/** When the running sync comes back (real time, compared with the database's now() by connectionsToWake). */
export async function setWakeAt(db: Database, connectionId: number, wakeAt: Date) {
  await db.prisma.amazonConnection.update({ where: { id: connectionId }, data: { wakeAt } });
}

/** Login with Amazon refused the credentials: the connection waits for the seller, the run's other feeds are off. */
export async function refuseConnection(db: Database, connectionId: number, runId: number, message: string) {
  await db.prisma.amazonConnection.update({
    where: { id: connectionId },
    data: { status: 'REFUSED', lastError: message },
  });
  await db.prisma.amazonSyncStep.updateMany({
    where: { runId, status: { in: ['PENDING', 'WAITING'] } },
    data: { status: 'FAILED', error: 'not fetched: Login with Amazon refused the credentials' },
  });
}

export function failedSteps(db: Database, runId: number) {
  return db.prisma.amazonSyncStep.findMany({ where: { runId, status: 'FAILED' } });
}

/**
 * Closes a run and sets the connection's next sync, in one transaction: whoever sees the run finished sees the
 * connection's next sync too. A REFUSED connection keeps the refusal as its last error.
 */
export async function finishRun(
  db: Database,
  input: { connectionId: number; runId: number; error: string | undefined; finishedAt: Date; nextSyncAt: Date },
) {
  const { connectionId, runId, error, finishedAt, nextSyncAt } = input;
  await db.prisma.$transaction(async (tx) => {
    await tx.amazonSyncRun.update({
      where: { id: runId },
      data: { status: error ? 'FAILED' : 'SUCCEEDED', error: error ?? null, finishedAt },
    });
    const current = await tx.amazonConnection.findUniqueOrThrow({ where: { id: connectionId } });
    await tx.amazonConnection.update({
      where: { id: connectionId },
      data: {
        wakeAt: null,
        nextSyncAt,
        lastError: current.status === 'REFUSED' ? current.lastError : (error ?? null),
      },
    });
  });
}

/** An import's state as a sync step follows it: whether it was read in, and its counts or the reason it was refused. */
export function importState(db: Database, importId: number) {
  return db.prisma.import.findUnique({ where: { id: importId } });
}
