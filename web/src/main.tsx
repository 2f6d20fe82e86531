// The seller's dashboard: the token once, then the missing products, the cases and the imports, kept live.
import './styles.css';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, onUnauthorized, request, savedToken, saveToken } from './api.js';
import { CasesView } from './cases.js';
import type { TotalsQuery } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { HistoryChart } from './history-chart.js';
import { day, type Key, language, money, number, setLanguage, t, tn } from './i18n.js';
import { ImportsView } from './imports.js';
import { casesVersion, deadlineAlerts, listen, missingVersion, useQuery } from './live.js';
import { MissingView } from './missing.js';
import { currentView, followCostsLinks, type View } from './navigation.js';

const VIEWS: Array<{ id: View; label: Key }> = [
  { id: 'missing', label: 'navMissing' },
  { id: 'cases', label: 'navCases' },
  { id: 'imports', label: 'navImports' },
];

// `npm start` prints a link with the demo token in its #fragment (never sent to a server): keep it for this tab
// and take it out of the address bar.
const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromLink) {
  saveToken(fromLink);
  history.replaceState(null, '', location.pathname);
}
const token = signal<string | null>(savedToken());
onUnauthorized(() => {
  saveToken(null);
  currentView.value = 'missing';
  token.value = null;
});

const VIEWER = graphql(`query Viewer { viewer { id } }`);

function TokenForm() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await request(VIEWER, {}, value.trim());
      saveToken(value.trim());
      token.value = value.trim();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <main class="token-page">
      <form class="card token-form" onSubmit={submit} aria-labelledby="token-title">
        <h1 id="token-title">
          {t('appName')} <small class="tagline">{t('tagline')}</small>
        </h1>
        <h2>{t('tokenTitle')}</h2>
        <label for="token">{t('tokenLabel')}</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          required
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
          aria-describedby="token-help token-error"
        />
        <p id="token-help" class="help">
          {t('tokenHelp')}
        </p>
        {error && (
          <p id="token-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t('open')}
        </button>
      </form>
    </main>
  );
}

// The server's day comes alone, first: the list of missing products waits for it, not for the totals, which take
// longer to compute (and are answered from the server's response cache when the account has not changed).
const HEADER = graphql(`query Header { serverTime viewer { name region } }`);
const TOTALS = graphql(`query Totals { viewer { totals {
  missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency }
  expectedPayout { amount currency } underpaid { amount currency } reimbursed { amount currency } } } }`);

function Totals({ totals }: { totals: TotalsQuery['viewer']['totals'] }) {
  // In a card, an amount may go on to a second line before its currency, never inside it (styles.css, .totals dd).
  const amounts = (values: Array<{ amount: string; currency: string }>) =>
    values.map((value) => money(value).replace(`\u00a0${value.currency}`, ` ${value.currency}`)).join(' + ') || '—';
  // The third value explains a card whose name alone would not say what it counts.
  const items: Array<[Key, string, string, Key?]> = [
    ['totalsMissing', number(totals.missingUnits), 'missing', 'missingHelp'],
    ['totalsClaimable', number(totals.claimableUnits), 'claimable'],
    ['totalsClaimed', number(totals.claimedUnits), 'claimed', 'claimedHelp'],
    ['totalsExpired', number(totals.expiredUnits), 'expired'],
    ['totalsReimbursable', amounts(totals.reimbursable), 'reimbursable', 'reimbursableHelp'],
    ['totalsExpectedPayout', amounts(totals.expectedPayout), 'expected-payout', 'expectedPayoutHelp'],
    ['totalsUnderpaid', amounts(totals.underpaid), 'underpaid', 'underpaidHelp'],
    ['totalsReimbursed', amounts(totals.reimbursed), 'reimbursed', 'reimbursedHelp'],
  ];
  return (
    <dl class="totals" aria-label={t('totalsName')}>
      {items.map(([label, value, id, help]) => (
        <div key={id} data-total={id} title={help ? t(help) : undefined}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Dashboard() {
  const view = currentView.value;
  const setView = (next: View) => {
    currentView.value = next;
  };
  useEffect(() => listen(), []);
  useEffect(() => followCostsLinks(), []);
  const header = useQuery(HEADER, {}, [missingVersion.value, casesVersion.value]);
  const totals = useQuery(TOTALS, {}, [missingVersion.value, casesVersion.value]);
  const today = header.data?.serverTime.slice(0, 10);
  return (
    <>
      <header class="top">
        <div class="brand">
          <strong>{t('appName')}</strong>
          <span translate={false}>
            {header.data ? `${header.data.viewer.name} · ${header.data.viewer.region}` : ''}
          </span>
        </div>
        <nav aria-label={t('navName')}>
          {VIEWS.map((item) => (
            <button
              key={item.id}
              type="button"
              class={view === item.id ? 'tab current' : 'tab'}
              aria-current={view === item.id ? 'page' : undefined}
              onClick={() => setView(item.id)}
            >
              {t(item.label)}
            </button>
          ))}
        </nav>
        <div class="tools">
          {/* Named by what it shows (the other language, in that language), as it reads. */}
          <button
            type="button"
            lang={language.value === 'en' ? 'fr' : 'en'}
            title={t('languageName')}
            onClick={() => setLanguage(language.value === 'en' ? 'fr' : 'en')}
          >
            {t('language')}
          </button>
          <button
            type="button"
            onClick={() => {
              saveToken(null);
              currentView.value = 'missing';
              token.value = null;
            }}
          >
            {t('signOut')}
          </button>
        </div>
      </header>
      {totals.data && <Totals totals={totals.data.viewer.totals} />}
      {deadlineAlerts.value.length > 0 && (
        <ul class="alerts" aria-live="polite">
          {deadlineAlerts.value.map((alert) => (
            <li key={`${alert.sku}-${alert.type}`}>
              {tn('deadlineAlert', alert.units, {
                sku: alert.sku,
                type: t(alert.type as Key),
                deadline: day(alert.deadline),
              })}
            </li>
          ))}
        </ul>
      )}
      <main>
        {view === 'missing' && <MissingView today={today} />}
        {view === 'missing' && <HistoryChart />}
        {view === 'cases' && <CasesView />}
        {view === 'imports' && <ImportsView />}
      </main>
    </>
  );
}

function App() {
  document.documentElement.lang = language.value;
  return token.value ? <Dashboard key={token.value} /> : <TokenForm />;
}

render(<App />, document.getElementById('app') as HTMLElement);
