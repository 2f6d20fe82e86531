// The dashboard's history chart in a real browser (Debian's Chromium): the bars carry the numbers of the `history`
// query and their heights follow them, in units and in value, on a desktop and on a phone, in English and in French,
// with the same numbers in its table, and axe-core finds nothing.
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryChartQuery } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  uploadSample,
} from '../support/server.js';
import { accessibilityProblems } from './accessibility.js';
import { launchBrowser, SHOTS, signedInTab } from './browser.js';
import { expectPage } from './expect-page.js';

const SERIES = ['missing', 'claimed', 'reimbursed', 'expired'] as const;

const HistoryChart = graphql(`
  query HistoryChart {
    history {
      months {
        month missingUnits claimedUnits reimbursedUnits expiredUnits
        values {
          currency
          missing { amount currency } claimed { amount currency }
          reimbursed { amount currency } expired { amount currency }
        }
      }
    }
  }
`);

type Month = HistoryChartQuery['history']['months'][number];

let server: TestServer;
let token: string;
let browser: Browser;
let months: Month[];

beforeAll(async () => {
  server = await startServer({ now: new Date(SAMPLES_AS_OF) });
  token = await server.account('History Browser Seller', 'NA');
  for (const file of SAMPLE_FILES)
    member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
  const history = await gql(server, HistoryChart, {}, token);
  expect(history.errors).toBeUndefined();
  months = history.data!.history.months;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(viewport: { width: number; height: number }, locale = 'en-US'): Promise<Page> {
  const tab = await signedInTab(browser, { url: server.url, token, viewport, locale });
  await expectPage(tab.locator('.history-svg')).toBeVisible();
  return tab;
}

interface Bar {
  month: string;
  series: string;
  value: string;
  height: number;
  left: number;
  right: number;
}

async function bars(chart: Locator): Promise<Bar[]> {
  return chart.locator('.history-bar').evaluateAll((rects) =>
    rects.map((rect) => {
      const box = rect.getBoundingClientRect();
      return {
        month: (rect.parentElement as Element).getAttribute('data-month') ?? '',
        series: rect.getAttribute('data-series') ?? '',
        value: rect.getAttribute('data-value') ?? '',
        height: box.height,
        left: box.left,
        right: box.right,
      };
    }),
  );
}

/** The bars carry the numbers of `history`, month by month, and each one's height is its number to one scale. */
function expectBarsOf(drawn: Bar[], numberOf: (month: Month, series: (typeof SERIES)[number]) => string) {
  expect(drawn.map(({ month, series, value }) => ({ month, series, value }))).toEqual(
    months.flatMap((month) => SERIES.map((series) => ({ month: month.month, series, value: numberOf(month, series) }))),
  );
  const tallest = drawn.reduce((best, bar) =>
    Math.abs(Number(bar.value)) > Math.abs(Number(best.value)) ? bar : best,
  );
  const perUnit = tallest.height / Math.abs(Number(tallest.value));
  for (const bar of drawn) expect(bar.height).toBeCloseTo(Math.abs(Number(bar.value)) * perUnit, 0);
}

const unitsOf = (month: Month, series: (typeof SERIES)[number]) => String(month[`${series}Units`]);
const usdOf = (month: Month, series: (typeof SERIES)[number]) =>
  month.values.find((values) => values.currency === 'USD')?.[series].amount ?? '0.00';

describe('the history chart', () => {
  it('the samples give a year of months, with something in five of them', () => {
    expect(months.map((month) => month.month)).toEqual([
      '2024-07-01',
      '2024-08-01',
      '2024-09-01',
      '2024-10-01',
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
      '2025-03-01',
      '2025-04-01',
      '2025-05-01',
      '2025-06-01',
    ]);
    expect(months.filter((month) => month.missingUnits > 0).map((month) => month.month)).toHaveLength(5);
  });

  for (const viewport of [
    { width: 1280, height: 900, name: 'history-chart' },
    { width: 390, height: 844, name: 'history-chart-phone' },
  ]) {
    it(`draws the numbers of history at ${viewport.width} px, in units and in value, within the screen`, async () => {
      const tab = await signedIn(viewport);
      const chart = tab.getByRole('region', { name: 'History by month' });
      await chart.scrollIntoViewIfNeeded();
      const units = await bars(chart);
      expectBarsOf(units, unitsOf);
      // Every bar on the screen, none over its neighbour, and nothing wider than the screen.
      for (const bar of units) {
        expect(bar.left).toBeGreaterThanOrEqual(0);
        expect(bar.right).toBeLessThanOrEqual(viewport.width);
      }
      expect(await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await tab.screenshot({ path: path.join(SHOTS, `${viewport.name}.png`), fullPage: true });
      await chart.screenshot({ path: path.join(SHOTS, `${viewport.name}-only.png`) });

      await chart.getByRole('radio', { name: 'Value' }).check();
      await expectPage(chart.locator('.history-bar[data-series="missing"][data-value="178.49"]')).toHaveCount(1);
      expectBarsOf(await bars(chart), usdOf);

      // The table says the same, in the seller's words.
      await chart.locator('summary', { hasText: 'The numbers, month by month' }).click();
      const may = chart.locator('tbody tr[data-month="2025-05-01"]');
      await expectPage(may.locator('th')).toHaveText('May 2025');
      await expectPage(may.locator('td')).toHaveText(['178.49 USD', '0.00 USD', '0.00 USD', '19.99 USD']);
      await chart.getByRole('radio', { name: 'Units' }).check();
      await expectPage(may.locator('td')).toHaveText(['6', '0', '0', '1']);
      expect(await accessibilityProblems(tab)).toEqual([]);
      await tab.context().close();
    });
  }

  it('reads in French on a phone, numbers written the French way', async () => {
    const tab = await signedIn({ width: 390, height: 844 }, 'fr-FR');
    const chart = tab.getByRole('region', { name: 'Historique par mois' });
    await chart.scrollIntoViewIfNeeded();
    expectBarsOf(await bars(chart), unitsOf);
    await expectPage(chart.locator('.history-legend li')).toHaveText([
      'Manquantes',
      'Réclamées',
      'Remboursées',
      'Expirées',
    ]);
    await expectPage(chart.locator('svg')).toHaveAttribute(
      'aria-label',
      /^Historique par mois, Unités, de juillet 2024 à juin 2025/,
    );
    await chart.getByRole('radio', { name: 'Valeur' }).check();
    await chart.locator('summary', { hasText: 'Les chiffres, mois par mois' }).click();
    const may = chart.locator('tbody tr[data-month="2025-05-01"]');
    await expectPage(may.locator('th')).toHaveText('mai 2025');
    await expectPage(may.locator('td')).toHaveText(['178,49 USD', '0,00 USD', '0,00 USD', '19,99 USD']);
    expectBarsOf(await bars(chart), usdOf);
    // No English word of the chart left.
    const text = await chart.evaluate((element) => element.textContent ?? '');
    for (const english of ['History', 'Missing', 'Claimed', 'Reimbursed', 'Expired', 'Units', 'Value', 'Month'])
      expect(text).not.toContain(english);
    expect(await accessibilityProblems(tab)).toEqual([]);
    await tab.screenshot({ path: path.join(SHOTS, 'history-chart-fr.png'), fullPage: true });
    await tab.context().close();
  });
});
