// The Selling Partner API connection, on the imports view: connect once, then Reclaim fetches the reports itself.
// The last sync, feed by feed, and the next; "Sync now"; a refused connection says so and asks to connect again.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, refusalOf, request, subscribe } from './api.js';
import type { SyncStatusFieldsFragment } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { instant, type Key, number, t } from './i18n.js';
import { importsVersion, missingVersion, reconnections } from './live.js';

type SyncStatus = SyncStatusFieldsFragment;

graphql(`fragment SyncStatusFields on SyncStatus {
  running nextRunAt error
  connection { status marketplaceIds clientIdEnding }
  lastRun { id status startedAt finishedAt feeds { feed status wakeAt rows inserted duplicates error } }
}`);

const STATUS = graphql(`query SyncStatus { amazonConnectionAvailable syncStatus { ...SyncStatusFields } }`);
const STATUS_CHANGES = graphql(`subscription SyncStatusChanges { syncStatusChanged { ...SyncStatusFields } }`);

const CONNECT = graphql(`mutation Connect($input: ConnectAmazonInput!) {
  connectAmazon(input: $input) { __typename ... on Error { code message } }
}`);

const SYNC = graphql(`mutation Sync { syncAmazon { __typename ... on Error { code message } } }`);

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
      const answer = await request(CONNECT, {
        input: { clientId, clientSecret, refreshToken, marketplaceIds },
      });
      const refused = refusalOf(answer.connectAmazon);
      if (refused) setError(refused);
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
  // The statuses the subscription has delivered: a read answered after one of them may be older than it.
  const heard = useRef(0);
  const [reading, setReading] = useState(0);

  const read = () => {
    const heardBefore = heard.current;
    setReading((count) => count + 1);
    return request(STATUS, {})
      .then(
        ({ syncStatus, amazonConnectionAvailable }) => {
          setAvailable(amazonConnectionAvailable);
          // The subscription spoke while this read was on its way: what it said may be newer than what the read
          // saw (a sync's refusal is written and announced in the time a read takes), and the change after the read,
          // if any, comes as a message too (each one is announced once written). The read must not undo it.
          if (heard.current === heardBefore) setStatus(syncStatus);
        },
        (failure: unknown) => setError(failure instanceof ApiError ? failure.message : String(failure)),
      )
      .finally(() => setReading((count) => count - 1));
  };

  useEffect(() => {
    let lastFinished: string | null | undefined;
    const stop = subscribe(STATUS_CHANGES, {}, ({ syncStatusChanged }) => {
      heard.current++;
      setStatus(syncStatusChanged);
      // Each feed the sync imports changes the lists: they read again.
      const finished = syncStatusChanged?.lastRun?.feeds.filter((feed) => feed.status === 'SUCCEEDED').length;
      if (finished !== undefined && String(finished) !== lastFinished) {
        lastFinished = String(finished);
        importsVersion.value++;
        missingVersion.value++;
      }
    });
    return stop;
  }, []);

  // At first, and after the socket came back: what changed meanwhile was not heard.
  useEffect(() => {
    void read();
  }, [reconnections.value]);

  async function syncNow() {
    const refused = await request(SYNC, {}).then(
      (answer) => refusalOf(answer.syncAmazon),
      (failure: unknown) => (failure instanceof ApiError ? failure.message : String(failure)),
    );
    setError(refused);
    await read();
  }

  if (status === undefined) return null;
  const run = status?.lastRun;
  return (
    <section class="card amazon" aria-labelledby="amazon-title" aria-busy={reading > 0} data-testid="amazon">
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
                        {feed.wakeAt && <span class="help"> {t('syncWakeAt', { at: instant(feed.wakeAt) })}</span>}
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
