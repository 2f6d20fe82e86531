// What Amazon owed and paid, month by month (the `history` query): four bars a month, in units or in value, drawn as
// SVG here (no chart library), at the width the screen gives, with the same numbers in a table for screen readers.
import './history-chart.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryQuery } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { language, money, toCents } from './i18n.js';
import { casesVersion, missingVersion, useQuery } from './live.js';

const SERIES = ['missing', 'claimed', 'reimbursed', 'expired'] as const;
type Series = (typeof SERIES)[number];
type Measure = 'units' | 'value';

type Month = HistoryQuery['history']['months'][number];

const HISTORY = graphql(`query History { history { from to months {
  month missingUnits claimedUnits reimbursedUnits expiredUnits
  values { currency missing { amount currency } claimed { amount currency } reimbursed { amount currency }
    expired { amount currency } } } } }`);

// This view's words. They live here rather than in i18n.ts so that the chart stays one file to read and to move.
const WORDS = {
  en: {
    title: 'History by month',
    intro:
      'Units found missing (by the day Amazon lost them), claimed in your cases, reimbursed by Amazon (by approval day; reversals subtract) and expired unclaimed (by their last day), month by month.',
    missing: 'Missing',
    claimed: 'Claimed',
    reimbursed: 'Reimbursed',
    expired: 'Expired',
    measure: 'Show',
    units: 'Units',
    value: 'Value',
    currency: 'Currency',
    month: 'Month',
    table: 'The numbers, month by month',
    chart: '{title}, {measure}, from {from} to {to}: the same numbers are in the table “{table}”.',
    empty: 'Nothing went missing, was claimed, reimbursed or expired in these months.',
    noValue: 'No value is known for these units yet.',
    loading: 'Loading…',
  },
  fr: {
    title: 'Historique par mois',
    intro:
      'Unités manquantes (au jour où Amazon les a perdues), réclamées dans vos dossiers, remboursées par Amazon (au jour de l’approbation\u00a0; les annulations se déduisent) et expirées sans réclamation (à leur dernier jour), mois par mois.',
    missing: 'Manquantes',
    claimed: 'Réclamées',
    reimbursed: 'Remboursées',
    expired: 'Expirées',
    measure: 'Afficher',
    units: 'Unités',
    value: 'Valeur',
    currency: 'Devise',
    month: 'Mois',
    table: 'Les chiffres, mois par mois',
    chart: '{title}, {measure}, de {from} à {to}\u00a0: les mêmes chiffres sont dans le tableau «\u00a0{table}\u00a0».',
    empty: 'Rien n’a manqué, n’a été réclamé, remboursé ni n’a expiré pendant ces mois.',
    noValue: 'Aucune valeur n’est encore connue pour ces unités.',
    loading: 'Chargement…',
  },
} as const;

type Word = keyof (typeof WORDS)['en'];

function say(word: Word, params: Record<string, string> = {}): string {
  return WORDS[language.value][word].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

const UNITS_OF: Record<Series, 'missingUnits' | 'claimedUnits' | 'reimbursedUnits' | 'expiredUnits'> = {
  missing: 'missingUnits',
  claimed: 'claimedUnits',
  reimbursed: 'reimbursedUnits',
  expired: 'expiredUnits',
};

/** One bar's number: units, or the amount in the chosen currency (zero when the month has none in it). */
interface Point {
  /** For the drawing only: cents or units as a plain number. Labels are written from the exact values. */
  size: number;
  label: string;
  /** The exact value, as the API gives it (units, or the decimal amount). */
  exact: string;
}

function pointOf(month: Month, series: Series, measure: Measure, currency: string | undefined): Point {
  if (measure === 'units') {
    const units = month[UNITS_OF[series]];
    return { size: units, label: new Intl.NumberFormat(language.value).format(units), exact: String(units) };
  }
  const value = month.values.find((values) => values.currency === currency)?.[series] ?? {
    amount: '0.00',
    currency: currency ?? '',
  };
  return { size: Number(toCents(value.amount)), label: money(value), exact: value.amount };
}

/** "May 2025"; short, "May", or "Jan 25" for January and the first month, which start a year on the axis. */
function monthName(month: string, style: 'short' | 'long', withYear = style === 'long'): string {
  return new Intl.DateTimeFormat(language.value, {
    month: style,
    year: withYear ? (style === 'long' ? 'numeric' : '2-digit') : undefined,
    timeZone: 'UTC',
  }).format(new Date(`${month}T00:00:00Z`));
}

/** Round steps (1, 2, 5 × 10^n) for the scale's lines. */
function niceStep(span: number, lines: number): number {
  const raw = span / lines;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
}

/** The width the chart is given, followed as the screen turns or the window is resized. */
function useWidth(): [(element: HTMLDivElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = (element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    observer.current = new ResizeObserver(([entry]) => entry && setWidth(Math.floor(entry.contentRect.width)));
    observer.current.observe(element);
  };
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, width];
}

const HEIGHT = 220;
const TOP = 12;
const BOTTOM = 28;

function Bars(props: { months: Month[]; measure: Measure; currency: string | undefined; width: number }) {
  const { months, measure, currency, width } = props;
  const points = months.map((month) => SERIES.map((series) => pointOf(month, series, measure, currency)));
  const sizes = points.flat().map((point) => point.size);
  const low = Math.min(0, ...sizes);
  const high = Math.max(0, ...sizes);
  const step = niceStep(high - low || 1, 4);
  const top = Math.ceil(high / step) * step || step;
  const bottom = Math.floor(low / step) * step;
  const scaleLabel = (size: number) =>
    measure === 'units'
      ? new Intl.NumberFormat(language.value).format(size)
      : new Intl.NumberFormat(language.value, { notation: 'compact', maximumFractionDigits: 1 }).format(size / 100);
  // Room for the scale's widest label on the left.
  const left = 12 + 7 * Math.max(...[top, bottom].map((size) => scaleLabel(size).length));
  const plot = Math.max(width - left - 4, 40);
  const slot = plot / months.length;
  const bar = Math.max(Math.min((slot - 6) / SERIES.length, 18), 1);
  const y = (size: number) => TOP + ((top - size) / (top - bottom)) * (HEIGHT - TOP - BOTTOM);
  const lines: number[] = [];
  for (let size = bottom; size <= top + step / 2; size += step) lines.push(size);
  // A label a month when they fit, else every other month (the table has them all).
  const every = slot >= 34 ? 1 : 2;
  return (
    <svg
      class="history-svg"
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-label={say('chart', {
        title: say('title'),
        measure: measure === 'units' ? say('units') : `${say('value')} (${currency ?? ''})`,
        from: monthName(months[0]?.month ?? '', 'long'),
        to: monthName(months.at(-1)?.month ?? '', 'long'),
        table: say('table'),
      })}
    >
      {lines.map((size) => (
        <g key={size} class="history-grid">
          <line x1={left} x2={width - 4} y1={y(size)} y2={y(size)} class={size === 0 ? 'zero' : undefined} />
          <text x={left - 6} y={y(size) + 4} text-anchor="end">
            {scaleLabel(size)}
          </text>
        </g>
      ))}
      {months.map((month, index) => {
        const x = left + index * slot + (slot - bar * SERIES.length) / 2;
        return (
          <g key={month.month} data-month={month.month}>
            {SERIES.map((series, position) => {
              const point = points[index]![position]!;
              const from = y(Math.max(point.size, 0));
              const to = y(Math.min(point.size, 0));
              return (
                <rect
                  key={series}
                  class={`history-bar ${series}`}
                  data-series={series}
                  data-value={point.exact}
                  x={x + position * bar}
                  y={from}
                  width={Math.max(bar - 1, 1)}
                  height={to - from}
                >
                  <title>{`${monthName(month.month, 'long')} · ${say(series)}: ${point.label}`}</title>
                </rect>
              );
            })}
            {index % every === 0 && (
              <text class="history-month" x={left + index * slot + slot / 2} y={HEIGHT - 8} text-anchor="middle">
                {monthName(month.month, 'short', index === 0 || month.month.endsWith('-01-01'))}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export function HistoryChart() {
  const history = useQuery(HISTORY, {}, [missingVersion.value, casesVersion.value]);
  const [measure, setMeasure] = useState<Measure>('units');
  const [chosenCurrency, setCurrency] = useState<string>();
  const [ref, width] = useWidth();
  const months = history.data?.history.months ?? [];
  const currencies = [...new Set(months.flatMap((month) => month.values.map((values) => values.currency)))].sort();
  const currency = chosenCurrency && currencies.includes(chosenCurrency) ? chosenCurrency : currencies[0];
  const empty = months.every((month) => SERIES.every((series) => month[UNITS_OF[series]] === 0));
  return (
    <section class="card history" aria-labelledby="history-title">
      <div class="view-head">
        <h2 id="history-title">{say('title')}</h2>
        <div class="history-controls">
          <fieldset class="history-measure">
            <legend>{say('measure')}</legend>
            {(['units', 'value'] as const).map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name="history-measure"
                  value={option}
                  checked={measure === option}
                  onChange={() => setMeasure(option)}
                />
                {option === 'value' && currency && currencies.length === 1
                  ? `${say(option)} (${currency})`
                  : say(option)}
              </label>
            ))}
          </fieldset>
          {measure === 'value' && currencies.length > 1 && (
            <label>
              {say('currency')}{' '}
              <select value={currency} onChange={(event) => setCurrency(event.currentTarget.value)}>
                {currencies.map((code) => (
                  <option key={code}>{code}</option>
                ))}
              </select>
            </label>
          )}
        </div>
      </div>
      <p class="help">{say('intro')}</p>
      {history.error && (
        <p class="error" role="alert">
          {history.error}
        </p>
      )}
      {!history.data && !history.error && <p class="help">{say('loading')}</p>}
      {history.data && empty && <p class="help">{say('empty')}</p>}
      {history.data && !empty && (
        <>
          <ul class="history-legend">
            {SERIES.map((series) => (
              <li key={series}>
                <span class={`swatch ${series}`} aria-hidden="true" />
                {say(series)}
              </li>
            ))}
          </ul>
          {measure === 'value' && !currency ? (
            <p class="help">{say('noValue')}</p>
          ) : (
            <div class="history-plot" ref={ref}>
              {width > 0 && <Bars months={months} measure={measure} currency={currency} width={width} />}
            </div>
          )}
          <details class="history-table">
            <summary>{say('table')}</summary>
            {/* Scrolls sideways on a phone: focusable, so a keyboard can scroll it too. */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus (axe scrollable-region-focusable) */}
            <section class="table-wrap" tabIndex={0} aria-label={say('table')}>
              <table>
                <caption class="visually-hidden">{say('table')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{say('month')}</th>
                    {SERIES.map((series) => (
                      <th scope="col" class="number" key={series}>
                        {say(series)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {months.map((month) => (
                    <tr key={month.month} data-month={month.month}>
                      <th scope="row">{monthName(month.month, 'long')}</th>
                      {SERIES.map((series) => (
                        <td class="number" key={series} data-series={series} data-label={say(series)}>
                          {pointOf(month, series, measure, currency).label}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </details>
        </>
      )}
    </section>
  );
}
