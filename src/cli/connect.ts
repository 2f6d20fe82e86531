// `reclaim connect`: connects an account to the Selling Partner API (the secrets from the environment or stdin).
import { InvalidArgumentError } from 'commander';
import { DomainError } from '../domain/errors.js';
import { withRuntime } from './direct.js';
import { printLine, secretFrom, tokenOf } from './options.js';
import { request } from './remote.js';
import { targetOf } from './target.js';

const ConnectAmazon = `mutation CliConnect($input: ConnectAmazonInput!) {
  connectAmazon(input: $input) {
    __typename
    ... on ConnectAmazonSuccess { syncStatus { connection { marketplaceIds syncEveryHours } } }
    ... on Error { code message }
  }
}`;

type ConnectAnswer = {
  connectAmazon: {
    __typename: string;
    syncStatus?: { connection: { marketplaceIds: string[]; syncEveryHours: number } };
    code?: string;
    message?: string;
  };
};

export async function connect(options: {
  account?: string;
  clientId: string;
  marketplace: string[];
  everyHours?: number;
  url?: string;
}) {
  const token = tokenOf(options);
  const clientSecret = await secretFrom('RECLAIM_LWA_CLIENT_SECRET', 'LWA client secret');
  const refreshToken = await secretFrom('RECLAIM_LWA_REFRESH_TOKEN', 'refresh token');
  const input = {
    clientId: options.clientId,
    clientSecret,
    refreshToken,
    marketplaceIds: options.marketplace,
    syncEveryHours: options.everyHours,
  };
  const target = await targetOf(options);
  if (target.kind === 'server') {
    const { connectAmazon } = await request<ConnectAnswer>({ url: target.url, token, why: target.why }, ConnectAmazon, {
      input,
    });
    if (connectAmazon.syncStatus) {
      printLine({ connected: true, ...connectAmazon.syncStatus.connection });
    } else {
      printLine({ connected: false, code: connectAmazon.code, message: connectAmazon.message });
      process.exitCode = 1;
    }
    return;
  }
  const [{ connectAmazon }, { createQueue }, { queueSync }, { accountForToken }] = await Promise.all([
    import('../amazon-sync/connect.js'),
    import('../jobs/queue.js'),
    import('../jobs/sync-amazon.js'),
    import('../store/accounts.js'),
  ]);
  await withRuntime('reclaim connect', async (runtime) => {
    const account = await accountForToken(runtime.db, token);
    if (!account) throw new InvalidArgumentError('the account token is unknown or was revoked');
    // The first sync is queued for the server's workers (or `reclaim sync`), not run here.
    const queue = await createQueue(runtime);
    try {
      const connection = await connectAmazon({ ...runtime, queueSync: queueSync(queue) }, account.id, input);
      printLine({
        connected: true,
        accountId: String(account.id),
        marketplaceIds: connection.marketplaceIds,
        syncEveryHours: connection.syncEveryHours,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      printLine({ connected: false, code: error.code, message: error.message });
      process.exitCode = 1;
    } finally {
      await queue.stop();
    }
  });
}
