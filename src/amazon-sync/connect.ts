// Connecting an account to the Selling Partner API, for the GraphQL mutation and the CLI alike: the credentials are
// checked with Login with Amazon before anything is stored, then sealed, and a first sync is queued.

import { type Credentials, endpointOf, SpApiClient, SpApiError } from '../amazon/client.js';
import { realNow } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { DomainError } from '../domain/errors.js';
import type { Events } from '../events.js';
import { connectionOf, deleteConnection, type SyncTrigger, saveConnection } from '../store/amazon.js';

export interface ConnectInput extends Credentials {
  marketplaceIds: readonly string[];
  syncEveryHours?: number | null;
}

export interface ConnectDependencies {
  db: Database;
  config: Config;
  events: Events;
  /** Queues a sync of the account (the sync job is in src/jobs, the layer above: its caller gives this). */
  queueSync(accountId: number, trigger: SyncTrigger): Promise<void>;
}

/** Marketplace ids are 10 to 14 capitals and digits (ATVPDKIKX0DER, A1PA6795UKMFR9). */
const MARKETPLACE_ID = /^[A-Z0-9]{10,14}$/;

function validate(input: ConnectInput) {
  for (const [name, value] of [
    ['clientId', input.clientId],
    ['clientSecret', input.clientSecret],
    ['refreshToken', input.refreshToken],
  ] as const) {
    if (!value.trim()) throw new DomainError('INVALID_INPUT', `${name} is empty`);
    if (value.length > 4096) throw new DomainError('INVALID_INPUT', `${name} is longer than 4096 characters`);
  }
  if (input.marketplaceIds.length === 0 || input.marketplaceIds.length > 20) {
    throw new DomainError('INVALID_INPUT', 'marketplaceIds must name 1 to 20 marketplaces');
  }
  const wrong = input.marketplaceIds.find((id) => !MARKETPLACE_ID.test(id));
  if (wrong !== undefined) {
    throw new DomainError(
      'INVALID_INPUT',
      `marketplaceIds: "${wrong}" is not a marketplace id (such as ATVPDKIKX0DER)`,
    );
  }
  const hours = input.syncEveryHours;
  if (hours !== undefined && hours !== null && (!Number.isInteger(hours) || hours < 1 || hours > 168)) {
    throw new DomainError('INVALID_INPUT', 'syncEveryHours must be a whole number of hours from 1 to 168');
  }
}

export async function connectAmazon(deps: ConnectDependencies, accountId: number, input: ConnectInput) {
  const settings = deps.config.amazon;
  if (!settings.secretKey) {
    throw new DomainError(
      'SECRET_KEY_MISSING',
      'RECLAIM_SECRET_KEY is not set: Reclaim needs it to seal Amazon credentials (openssl rand -hex 32), then restart',
    );
  }
  validate(input);
  const account = await deps.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  const credentials = {
    clientId: input.clientId.trim(),
    clientSecret: input.clientSecret.trim(),
    refreshToken: input.refreshToken.trim(),
  };
  const client = new SpApiClient({
    lwaUrl: settings.lwaUrl,
    baseUrl: endpointOf(settings, account.region),
    credentials,
    bucketKey: `account:${accountId}`,
  });
  try {
    await client.token();
  } catch (error) {
    if (error instanceof SpApiError && error.code === 'AMAZON_REFUSED')
      throw new DomainError(error.code, error.message);
    throw new DomainError(
      'AMAZON_UNAVAILABLE',
      `The credentials could not be checked, nothing was saved: ${(error as Error).message}`,
    );
  }
  const connection = await saveConnection(
    deps.db,
    settings.secretKey,
    {
      accountId,
      credentials,
      marketplaceIds: [...new Set(input.marketplaceIds)],
      syncEveryHours: input.syncEveryHours ?? settings.syncEveryHours,
    },
    realNow(),
  );
  await deps.queueSync(accountId, 'CONNECT');
  deps.events.publish('sync:status', accountId, { at: realNow().toISOString() });
  return connection;
}

export async function disconnectAmazon(deps: Pick<ConnectDependencies, 'db' | 'events'>, accountId: number) {
  if (!(await deleteConnection(deps.db, accountId))) {
    throw new DomainError('NOT_CONNECTED', 'This account is not connected to Amazon');
  }
  deps.events.publish('sync:status', accountId, { at: realNow().toISOString() });
}

export async function requestSync(deps: Pick<ConnectDependencies, 'db' | 'queueSync'>, accountId: number) {
  const connection = await connectionOf(deps.db, accountId);
  if (!connection) {
    throw new DomainError('NOT_CONNECTED', 'This account is not connected to Amazon: connectAmazon first');
  }
  await deps.queueSync(accountId, 'MANUAL');
}
