// `reclaim sync`: a Selling Partner API sync now, to its end. On the database, run in this process; beside a
// running server, started there (syncAmazon) and followed with syncStatusChanged.
import { InvalidArgumentError } from 'commander';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { withRuntime } from './direct.js';
import { printLine, tokenOf } from './options.js';
import { request, subscriptions } from './remote.js';
import { targetOf } from './target.js';

const Status = `running lastRun { id status error feeds { feed status rows inserted duplicates error } }`;
const SyncAmazon = `mutation CliSync { syncAmazon { __typename ... on SyncAmazonSuccess { syncStatus { ${Status} } } ... on Error { code message } } }`;
const SyncStatusChanged = `subscription CliSyncStatus { syncStatusChanged { ${Status} } }`;
const SyncStatusNow = `query CliSyncStatusNow { syncStatus { ${Status} } }`;

interface Feed {
  feed: string;
  status: string;
  rows: number;
  inserted: number;
  duplicates: number;
  error: string | null;
}
interface Status {
  running: boolean;
  lastRun: { id: string; status: string; error: string | null; feeds: Feed[] } | null;
}

export async function sync(options: { account?: string; url?: string }) {
  const token = tokenOf(options);
  const target = await targetOf(options);
  if (target.kind === 'server') {
    const remote = { url: target.url, token, why: target.why };
    const live = subscriptions(remote);
    const reported = new Set<string>();
    let finished: Status['lastRun'] = null;
    let runId: string | undefined;
    const report = (status: Status | null) => {
      const run = status?.lastRun;
      if (!run || (runId && run.id !== runId)) return false;
      for (const feed of run.feeds) {
        const key = `${feed.feed}:${feed.status}`;
        if ((feed.status === 'SUCCEEDED' || feed.status === 'FAILED') && !reported.has(key)) {
          reported.add(key);
          printLine(feed);
        }
      }
      if (status.running) return false;
      finished = run;
      return true;
    };
    try {
      // Listening first: the end of a short run is not missed.
      let started!: () => void;
      const listening = new Promise<void>((resolve) => (started = resolve));
      const followed = live.follow<{ syncStatusChanged: Status | null }>(SyncStatusChanged, {}, (data) => {
        started();
        return report(data.syncStatusChanged);
      });
      const { syncAmazon } = await request<{
        syncAmazon: { syncStatus?: Status; code?: ErrorCode; message?: string };
      }>(remote, SyncAmazon);
      if (!syncAmazon.syncStatus) throw new DomainError(syncAmazon.code ?? 'NOT_CONNECTED', syncAmazon.message ?? '');
      runId = syncAmazon.syncStatus.lastRun?.id;
      if (!report(syncAmazon.syncStatus)) {
        void listening;
        // The run may have ended between the answer and the subscription: ask once more, then follow.
        const { syncStatus } = await request<{ syncStatus: Status | null }>(remote, SyncStatusNow);
        if (!report(syncStatus)) await followed;
      }
    } finally {
      await live.close();
    }
    const run = finished as Status['lastRun'];
    if (!run) throw new InvalidArgumentError('the sync ended without a run');
    printLine({ runId: run.id, status: run.status, error: run.error });
    if (run.status !== 'SUCCEEDED') process.exitCode = 1;
    return;
  }
  const [{ syncToTheEnd }, { accountForToken }] = await Promise.all([
    import('../jobs/sync-to-the-end.js'),
    import('../store/accounts.js'),
  ]);
  await withRuntime('reclaim sync', async (runtime) => {
    const account = await accountForToken(runtime.db, token);
    if (!account) throw new InvalidArgumentError('the account token is unknown or was revoked');
    const run = await syncToTheEnd(runtime, account.id, (feed) => printLine(feed));
    printLine(run);
    if (run.status !== 'SUCCEEDED') process.exitCode = 1;
  });
}
