// The GraphQL of the Selling Partner API connection, and waiting for a sync, for the Amazon tests.
import { expect } from 'vitest';
import { graphql } from '../gql/index.js';
import type { FakeSellingPartnerApi } from './fake-sp-api.js';
import { MARKETPLACE_US } from './fake-sp-api.js';
import { gql, member } from './server.js';

export const ConnectAmazon = graphql(`
  mutation ConnectAmazon($input: ConnectAmazonInput!) {
    connectAmazon(input: $input) {
      __typename
      ... on ConnectAmazonSuccess { syncStatus { connection { status clientIdEnding marketplaceIds region syncEveryHours } } }
      ... on Error { code message }
    }
  }
`);

export const SyncAmazon = graphql(`
  mutation SyncAmazon {
    syncAmazon {
      __typename
      ... on SyncAmazonSuccess { syncStatus { running } }
      ... on Error { code message }
    }
  }
`);

export const DisconnectAmazon = graphql(`
  mutation DisconnectAmazon {
    disconnectAmazon { __typename ... on DisconnectAmazonSuccess { disconnected } ... on Error { code message } }
  }
`);

export const SyncStatusQuery = graphql(`
  query SyncStatus {
    syncStatus {
      running nextRunAt lastSucceededAt error
      connection { status lastError clientIdEnding marketplaceIds region syncEveryHours connectedAt }
      lastRun {
        id trigger status startedAt finishedAt error
        feeds {
          feed status wakeAt dataStart dataEnd amazonReportId rows inserted updated duplicates error finishedAt
          imports { id kind fileName status rows inserted duplicates encoding }
        }
      }
      runs(first: 5) { id status }
    }
  }
`);

export type SyncStatusResult = NonNullable<Awaited<ReturnType<typeof syncStatusOf>>>;

export async function syncStatusOf(server: { url: string }, token: string) {
  const response = await gql(server, SyncStatusQuery, {}, token);
  expect(response.errors).toBeUndefined();
  return response.data!.syncStatus;
}

/** Waits until a run later than `afterRunId` has finished; returns the status then. */
export async function waitForSync(server: { url: string }, token: string, afterRunId = 0, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await syncStatusOf(server, token);
    const run = status?.lastRun;
    if (run && Number(run.id) > afterRunId && run.status !== 'RUNNING') return status as SyncStatusResult;
    if (Date.now() > deadline) throw new Error(`no sync finished in ${timeoutMs} ms: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Asks for a sync now, and waits until it (a run newer than the last one) has finished. */
export async function syncNow(server: { url: string }, token: string) {
  const lastId = Number((await syncStatusOf(server, token))?.lastRun?.id ?? 0);
  member((await gql(server, SyncAmazon, {}, token)).data?.syncAmazon, 'SyncAmazonSuccess');
  return waitForSync(server, token, lastId);
}

/** The fake's credentials as connectAmazon takes them, with any of them changed. */
export function connectInputOf(fake: FakeSellingPartnerApi, changes: Record<string, unknown> = {}) {
  return {
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    refreshToken: fake.refreshToken,
    marketplaceIds: [MARKETPLACE_US],
    ...changes,
  };
}

export async function connectToFake(server: { url: string }, token: string, fake: FakeSellingPartnerApi) {
  const response = await gql(server, ConnectAmazon, { input: connectInputOf(fake) }, token);
  expect(response.errors).toBeUndefined();
  return member(response.data?.connectAmazon, 'ConnectAmazonSuccess');
}

/** Stops the fake, and fails the file if it ever answered off Amazon's model: such a test tested a fiction. */
export async function closeFake(fake: FakeSellingPartnerApi) {
  await fake.close();
  expect(fake.faults).toEqual([]);
}
