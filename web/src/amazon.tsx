// The Selling Partner API connection, on the imports view: connect once, then Reclaim fetches the reports itself.
// The last sync, feed by feed, and the next; "Sync now"; a refused connection says so and asks to connect again.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request, subscribe } from './api.js';
import { instant, type Key, number, t } from './i18n.js';
import { importsVersion, missingVersion } from './live.js';

interface Feed {
  feed: string;
  status: string;
  rows: number;
  inserted: number;
  duplicates: number;
  error: string | null;
}

interface SyncStatus {
  running: boolean;
  nextRunAt: string | null;
  error: string | null;
  connection: { status: string; marketplaceIds: string[]; clientIdEnding: string };
  lastRun: { id: string; status: string; startedAt: string; finishedAt: string | null; feeds: Feed[] } | null;
}

const STATUS_FIELDS = `running nextRunAt error
  connection { status marketplaceIds clientIdEnding }
  lastRun { id status startedAt finishedAt feeds { feed status rows inserted duplicates error } }`;

const CONNECT = `mutation Connect($input: ConnectAmazonInput!) {
  connectAmazon(input: $input) { __typename ... on Error { code message } }
}`;

const SYNC = 'mutation { syncAmazon { __typename ... on Error { code message } } }';

function when(at: string | null): string {
  return at ? instant(at) : '—';
}

function ConnectForm({ onDone }: { onDone: () => void }) {
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [refreshToken, setRefreshToken] = useState('');
  const [marketplaces, setMarketplaces] = useState('ATVPDKIKX0DER');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function connect(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const marketplaceIds = marketplaces.split(/[\s,]+/).filter(Boolean);
      const answer = await request<{ connectAmazon: { __typename: string; message?: string } }>(CONNECT, {
        input: { clientId, clientSecret, refreshToken, marketplaceIds },
      });
      if (answer.connectAmazon.message) setError(answer.connectAmazon.message);
      else {
        // The credentials leave the page as soon as the server has them.
        setClientSecret('');
        setRefreshToken('');
        onDone();
      }
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const field = (id: string, label: Key, value: string, set: (value: string) => void, secret = false) => (
    <p class="field">
      <label for={id}>{t(label)}</label>
      {secret ? (
        <input
          id={id}
          type="password"
          autocomplete="off"
          required
          value={value}
          onInput={(event) => set(event.currentTarget.value)}
        />
      ) : (
        <input id={id} type="text" required value={value} onInput={(event) => set(event.currentTarget.value)} />
      )}
    </p>
  );

  return (
    <form class="amazon-form" onSubmit={connect} aria-describedby="amazon-help amazon-error">
      <p id="amazon-help" class="help">
        {t('amazonHelp')}
      </p>
      {field('amazon-client-id', 'amazonClientId', clientId, setClientId)}
      {field('amazon-client-secret', 'amazonClientSecret', clientSecret, setClientSecret, true)}
      {field('amazon-refresh-token', 'amazonRefreshToken', refreshToken, setRefreshToken, true)}
      {field('amazon-marketplaces', 'amazonMarketplaces', marketplaces, setMarketplaces)}
      {error && (
        <p id="amazon-error" class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {t('amazonConnect')}
      </button>
    </form>
  );
}

export function AmazonPanel() {
  const [status, setStatus] = useState<SyncStatus | null | undefined>(undefined);
  // Whether the server can seal credentials (RECLAIM_SECRET_KEY): without it a connection can only fail.
  const [available, setAvailable] = useState(true);
  const [reconnecting, setReconnecting] = useState(false);
  const [error, setError] = useState<string>();

  const read = () =>
    request<{ syncStatus: SyncStatus | null; amazonConnectionAvailable: boolean }>(
      `{ amazonConnectionAvailable syncStatus { ${STATUS_FIELDS} } }`,
    ).then(
      ({ syncStatus, amazonConnectionAvailable }) => {
        setAvailable(amazonConnectionAvailable);
        setStatus(syncStatus);
      },
      (failure: unknown) => setError(failure instanceof ApiError ? failure.message : String(failure)),
    );

  useEffect(() => {
    void read();
    let lastFinished: string | null | undefined;
    return subscribe<{ syncStatusChanged: SyncStatus | null }>(
      `subscription { syncStatusChanged { ${STATUS_FIELDS} } }`,
      {},
      ({ syncStatusChanged }) => {
        setStatus(syncStatusChanged);
        // Each feed the sync imports changes the lists: they read again.
        const finished = syncStatusChanged?.lastRun?.feeds.filter((feed) => feed.status === 'SUCCEEDED').length;
        if (finished !== undefined && String(finished) !== lastFinished) {
          lastFinished = String(finished);
          importsVersion.value++;
          missingVersion.value++;
        }
      },
    );
  }, []);

  async function syncNow() {
    const answer = await request<{ syncAmazon: { message?: string } }>(SYNC).catch((failure: unknown) => ({
      syncAmazon: { message: failure instanceof ApiError ? failure.message : String(failure) },
    }));
    setError(answer.syncAmazon.message);
    await read();
  }

  if (status === undefined) return null;
  const run = status?.lastRun;
  return (
    <section class="card amazon" aria-labelledby="amazon-title" data-testid="amazon">
      <h2 id="amazon-title">{t('amazonTitle')}</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {(!status || reconnecting) && !available && (
        <p class="notice" data-testid="amazon-unavailable">
          {t('amazonUnavailable')}
        </p>
      )}
      {(!status || reconnecting) && available && (
        <ConnectForm
          onDone={() => {
            setReconnecting(false);
            void read();
          }}
        />
      )}
      {status && (
        <>
          <p data-connection={status.connection.status}>
            <strong>{t(status.connection.status === 'REFUSED' ? 'amazonRefused' : 'amazonConnected')}</strong>{' '}
            <span class="muted" translate={false}>
              {status.connection.marketplaceIds.join(', ')} · …{status.connection.clientIdEnding}
            </span>
          </p>
          {status.error && (
            <p class="error" role="alert" data-testid="amazon-error">
              {status.error}
            </p>
          )}
          <p class="help" data-running={String(status.running)}>
            {status.running ? t('amazonRunning') : t('amazonLast', { at: when(run?.finishedAt ?? null) })}
            {' · '}
            {t('amazonNext', { at: when(status.nextRunAt) })}
          </p>
          <p>
            <button type="button" onClick={() => void syncNow()} disabled={status.running}>
              {t('amazonSyncNow')}
            </button>{' '}
            {status.connection.status === 'REFUSED' && !reconnecting && (
              <button type="button" onClick={() => setReconnecting(true)}>
                {t('amazonReconnect')}
              </button>
            )}
          </p>
          {run && (
            <div class="table-wrap">
              <table class="feeds stack">
                <thead>
                  <tr>
                    <th scope="col">{t('amazonFeed')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col" class="number">
                      {t('rows')}
                    </th>
                    <th scope="col" class="number">
                      {t('inserted')}
                    </th>
                    <th scope="col" class="number">
                      {t('duplicates')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {run.feeds.map((feed) => (
                    <tr key={feed.feed} data-feed={feed.feed} data-status={feed.status}>
                      <th scope="row">{t(`feed_${feed.feed}` as Key)}</th>
                      <td data-label={t('status')}>
                        {t(`sync_${feed.status}` as Key)}
                        {feed.error && <span class="help"> {feed.error}</span>}
                      </td>
                      <td class="number" data-label={t('rows')}>
                        {number(feed.rows)}
                      </td>
                      <td class="number" data-label={t('inserted')}>
                        {number(feed.inserted)}
                      </td>
                      <td class="number" data-label={t('duplicates')}>
                        {number(feed.duplicates)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
