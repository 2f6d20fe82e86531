// The demo seller's dashboard (its long generated titles, many products, several types per product) on a phone
// (390 px) and a desktop (1280 px), in English and French (issue 19): every element of a row inside the screen, every
// number of a row shown and matching the API, one claim button per claimable type, dates and SKUs never broken
// inside, page N of M, no English left in French, the Amazon connection only where the server can make one, and
// axe-core clean. The sample files join the demo account so that the underpaid, removal and case lists have rows.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.js';
import { createLogger } from '../../src/logger.js';
import { graphql } from '../gql/index.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  testConfig,
  uploadSample,
} from '../support/server.js';
import { accessibilityProblems } from './accessibility.js';
import { launchBrowser, SHOTS, signedInTab } from './browser.js';
import { expectPage } from './expect-page.js';

const PAGE_SIZE = 25;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const FirstPage = graphql(`
  query PhoneFirstPage($first: Int) {
    missingProducts(first: $first) {
      totalCount
      edges {
        node {
          sku missingUnits claimableUnits claimedUnits expiredUnits
          byType { type missingUnits claimableUnits claimedUnits expiredUnits }
        }
      }
    }
  }
`);

let server: TestServer;
let token: string;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ now: new Date(SAMPLES_AS_OF) });
  const demo = await loadDemo(
    {
      db: server.database.db,
      clock: server.clock,
      log: createLogger('silent', { pretty: false }),
      config: server.config,
      events: server.events,
    },
    { products: 80, seed: 1 },
  );
  token = demo.token;
  for (const file of [...SAMPLE_FILES, 'removal-orders.tsv', 'removal-shipments.tsv'])
    member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(viewport: { width: number; height: number }, into = server, with_ = token): Promise<Page> {
  const tab = await signedInTab(browser, { url: into.url, token: with_, viewport });
  await expectPage(tab.getByRole('heading', { level: 1, name: 'Missing products' })).toBeVisible();
  return tab;
}

/**
 * What of `selector`'s elements sticks out of the screen or out of the frame that would clip it: each element's box
 * against the viewport and against its table's scrolling frame, described for the failure message.
 */
function outside(tab: Page, selector: string): Promise<string[]> {
  return tab.evaluate((selector) => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const row of document.querySelectorAll<HTMLElement>(selector)) {
      const frame = row.closest('.table-wrap')?.getBoundingClientRect();
      for (const element of [row, ...row.querySelectorAll<HTMLElement>('*')]) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const right = Math.min(width, frame?.right ?? width);
        const left = Math.max(0, frame?.left ?? 0);
        if (box.left < left - 0.5 || box.right > right + 0.5) {
          problems.push(
            `${row.dataset.sku ?? row.dataset.case ?? row.dataset.reimbursement ?? row.dataset.tracking} ` +
              `<${element.tagName.toLowerCase()} class="${element.className}">` +
              ` ${Math.round(box.left)}–${Math.round(box.right)} outside ${Math.round(left)}–${Math.round(right)}`,
          );
        }
      }
    }
    return problems;
  }, selector);
}

/** Dates, SKUs and IDs whose text runs over more than one line (the boxes of their text at different heights). */
function broken(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const problems: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('time, .sku, .sku-inline, .nowrap')) {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (tops.size > 1) problems.push(`"${element.textContent}" on ${tops.size} lines`);
    }
    return problems;
  });
}

/**
 * The words the page shows a reader, in the language it says it is in: text nodes and the names and labels of
 * elements (title, aria-label, the column names a phone shows), leaving out data (marked translate="no": SKUs,
 * titles, IDs, file names) and what is marked as another language (the button that switches to it).
 */
function shownTexts(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const texts: string[] = [];
    const pageLanguage = document.documentElement.lang;
    const counts = (element: Element | null) =>
      element !== null &&
      !element.closest('[translate="no"], script, style, textarea') &&
      (element.closest('[lang]')?.getAttribute('lang') ?? pageLanguage) === pageLanguage;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!counts(parent)) continue;
      if (parent!.tagName !== 'OPTION' && parent!.getClientRects().length === 0) continue;
      // Spaces are folded, but not the non-breaking ones French punctuation needs.
      const text = node.textContent?.replace(/[ \t\n\r]+/g, ' ').trim();
      if (text) texts.push(text);
    }
    for (const element of document.body.querySelectorAll('[title], [aria-label], [data-label], [placeholder]')) {
      if (!counts(element)) continue;
      for (const name of ['title', 'aria-label', 'data-label', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Words a French page may share with English: names, units and the column names of the costs file. */
const SHARED_WORDS = new Set(
  [
    'Reclaim',
    'Amazon',
    'Seller',
    'Central',
    'Selling',
    'Partner',
    'API',
    'LWA',
    'SKU',
    'FNSKU',
    'ASIN',
    'USD',
    'Excel',
    'Type',
    'Types',
    'Actions',
    'Date',
    'Page',
    'rcl',
    'sku',
    'cost',
    'currency',
    'openssl',
    'rand',
    'hex',
    'RECLAIM_SECRET_KEY',
    'RECLAIM',
    'SECRET',
    'KEY',
    'UTC',
    'E',
    'Q',
    'L',
    'ml',
    'x',
    'in',
  ].map((word) => word.toLowerCase()),
);

/** English words the dashboard uses, none of them French. */
const ENGLISH_WORDS = new Set(
  (
    'the and of to unit units claim claimed claimable missing with your from day days left not yet now later expired ' +
    'reimbursed reimbursable download copy open case cases import imports upload file shipment shipments product ' +
    'products previous next sign lost damaged inbound removal expected payout deadline choose give paste save cancel ' +
    'close sync connect feed rows language views totals underpaid review ask paid shortfall evidence status kind new ' +
    'duplicates problems all sort by most value pending'
  ).split(' '),
);

/** The texts of a French page that are English: an English word, or a sentence the English page shows too. */
function englishLeft(french: string[], english: Set<string>): string[] {
  return [
    ...new Set(
      french.filter((text) => {
        const words = (text.match(/[\p{L}_]+/gu) ?? []).filter((word) => !SHARED_WORDS.has(word.toLowerCase()));
        if (words.some((word) => ENGLISH_WORDS.has(word.toLowerCase()))) return true;
        // Data the same in both languages (SKUs, IDs) is upper case: a lower-case word is a translated sentence.
        return english.has(text) && words.some((word) => /\p{Ll}/u.test(word));
      }),
    ),
  ];
}

const count = (value: number) => new Intl.NumberFormat('en-US').format(value);

async function firstPage() {
  const result = await gql(server, FirstPage, { first: PAGE_SIZE }, token);
  expect(result.errors).toBeUndefined();
  return result.data!.missingProducts;
}

describe('the demo seller on a phone and a desktop', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`${name} (${viewport.width} px): every row inside the screen, its numbers shown, a claim button per claimable type`, async () => {
      const tab = await signedIn(viewport);
      const list = await firstPage();
      const rows = tab.locator('table.missing tbody tr[data-sku]');
      await expectPage(rows).toHaveCount(list.edges.length);
      expect(list.totalCount).toBeGreaterThan(PAGE_SIZE);
      await expectPage(tab.getByTestId('page-count-products')).toHaveText(
        `Page 1 of ${Math.ceil(list.totalCount / PAGE_SIZE)} · ${count(list.totalCount)} products`,
      );
      for (const { node } of list.edges) {
        const row = tab.locator(`tr[data-sku="${node.sku}"]`);
        for (const [column, text] of [
          ['missing-claimed', `${count(node.missingUnits)} | ${count(node.claimedUnits)}`],
          ['claimable', count(node.claimableUnits)],
          ['expired', count(node.expiredUnits)],
        ] as const) {
          await expectPage(row.locator(`[data-column="${column}"]`)).toHaveText(text);
          await expectPage(row.locator(`[data-column="${column}"]`)).toBeVisible();
        }
        for (const column of ['reimbursable', 'expected-payout', 'deadline']) {
          await expectPage(row.locator(`[data-column="${column}"]`)).toBeVisible();
        }
        // Every type shown has its claim button exactly when units of it are claimable.
        for (const item of node.byType.filter(
          (type) => type.missingUnits + type.claimedUnits + type.expiredUnits > 0,
        )) {
          const line = row.locator(`.type-line[data-type="${item.type}"]`);
          await expectPage(line.locator('.badge')).toBeVisible();
          await expectPage(line.getByRole('button')).toHaveCount(item.claimableUnits > 0 ? 1 : 0);
        }
        await expectPage(row.getByRole('button')).toHaveCount(
          node.byType.filter((type) => type.claimableUnits > 0).length,
        );
      }
      expect(await outside(tab, 'table.missing tbody tr')).toEqual([]);
      expect(await outside(tab, 'table.underpaid-lines tbody tr')).toEqual([]);
      expect(await outside(tab, 'table.receipts tbody tr')).toEqual([]);
      expect(await broken(tab)).toEqual([]);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      // The value's basis on hover, and its parts now and later when some units must wait.
      const split = tab.locator('[data-column="reimbursable"] .reimbursable[title]').first();
      await expectPage(split).toHaveAttribute('title', /per unit \((last sale price|your cost)\)\. Claimable now: /);
      await tab.screenshot({ path: path.join(SHOTS, `demo-missing-products-${name}-full.png`), fullPage: true });
      // The README's picture: the list itself, from its first row, one screen high.
      await tab.locator('table.missing').evaluate((table) => table.scrollIntoView());
      await tab.screenshot({ path: path.join(SHOTS, `demo-missing-products-${name}.png`) });
      expect(await accessibilityProblems(tab)).toEqual([]);
      await tab.context().close();
    }, 120_000);
  }

  it('phone: a claim opened through the wizard lists as a case card inside the screen; the cards say what is pending', async () => {
    const tab = await signedIn(PHONE);
    const { edges } = await firstPage();
    const claimable = edges.find((edge) => edge.node.claimableUnits > 0)!.node;
    const row = tab.locator(`tr[data-sku="${claimable.sku}"]`);
    await row.getByRole('button').first().click();
    const dialog = tab.getByRole('dialog');
    await expectPage(dialog.getByRole('link', { name: 'Download the Excel file' })).toBeVisible();
    expect(await outside(tab, '.dialog')).toEqual([]);
    expect(await broken(tab)).toEqual([]);
    await tab.screenshot({ path: path.join(SHOTS, 'claim-wizard-phone.png') });
    await dialog.getByLabel('Amazon case ID').fill('1234567890');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectPage(dialog).toBeHidden();
    await expectPage(tab.locator('dl.totals [data-total="claimed"] dt')).toHaveText('Claimed (pending)');
    await tab.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Cases' }).click();
    await expectPage(tab.locator('tr[data-case="1234567890"]')).toBeVisible();
    expect(await outside(tab, 'table.cases tbody tr')).toEqual([]);
    expect(await broken(tab)).toEqual([]);
    await tab.screenshot({ path: path.join(SHOTS, 'cases-phone.png'), fullPage: true });
    expect(await accessibilityProblems(tab)).toEqual([]);
    await tab.context().close();
  }, 120_000);
  it('French: no English left in the views, the wizard and the review, on a phone', async () => {
    const tab = await signedIn(PHONE);
    const nav = tab.getByRole('navigation');
    async function everyScreen(names: { claim: RegExp; review: RegExp; cases: string; imports: string }) {
      const texts = await shownTexts(tab);
      await tab.locator('.type-line button').first().click();
      await expectPage(tab.getByRole('dialog').locator('.guidance li').first()).toBeVisible();
      texts.push(...(await shownTexts(tab)));
      await tab.keyboard.press('Escape');
      await tab.getByRole('button', { name: names.review }).first().click();
      await expectPage(tab.getByRole('dialog').locator('.guidance li').first()).toBeVisible();
      texts.push(...(await shownTexts(tab)));
      await tab.keyboard.press('Escape');
      await nav.getByRole('button', { name: names.cases }).click();
      await expectPage(tab.getByRole('heading', { level: 1, name: names.cases })).toBeVisible();
      await expectPage(tab.locator('table.cases, .empty')).toBeVisible();
      texts.push(...(await shownTexts(tab)));
      await nav.getByRole('button', { name: names.imports }).click();
      await expectPage(tab.getByTestId('amazon')).toBeVisible();
      await expectPage(tab.locator('table.imports')).toBeVisible();
      expect(await outside(tab, 'table.imports tbody tr')).toEqual([]);
      texts.push(...(await shownTexts(tab)));
      return texts;
    }
    const english = await everyScreen({
      claim: /^Claim /,
      review: /^Ask for a review/,
      cases: 'Cases',
      imports: 'Imports',
    });
    await nav.getByRole('button', { name: 'Missing products' }).click();
    // The button is named by the label it shows.
    await tab.getByRole('button', { name: 'Français', exact: true }).click();
    await expectPage(tab.getByRole('heading', { level: 1, name: 'Produits manquants' })).toBeVisible();
    await expectPage(tab.getByTestId('page-count-products')).toContainText('Page 1 sur');
    await tab.locator('table.missing').evaluate((table) => table.scrollIntoView());
    await tab.screenshot({ path: path.join(SHOTS, 'demo-missing-products-phone-fr.png') });
    const french = await everyScreen({
      claim: /^Réclamer/,
      review: /^Demander le réexamen/,
      cases: 'Dossiers',
      imports: 'Importations',
    });
    expect(english.length).toBeGreaterThan(100);
    expect(englishLeft(french, new Set(english))).toEqual([]);
    // French punctuation: no plain space before a colon, and none of those breakable spaces before "?" or "%".
    expect(french.filter((text) => / [:?%;!»]|« /.test(text))).toEqual([]);
    expect(await broken(tab)).toEqual([]);
    expect(await accessibilityProblems(tab)).toEqual([]);
    await tab.getByRole('button', { name: 'English', exact: true }).click();
    await tab.context().close();
  }, 180_000);

  it('offers the Amazon connection only where the server can seal credentials, and says what the operator must set', async () => {
    const keyless = await startServer({
      now: new Date(SAMPLES_AS_OF),
      amazon: { ...testConfig().amazon, secretKey: undefined },
    });
    try {
      const tab = await signedIn(DESKTOP, keyless, await keyless.account('Keyless Seller', 'NA'));
      await tab.getByRole('navigation').getByRole('button', { name: 'Imports' }).click();
      const panel = tab.getByTestId('amazon');
      await expectPage(panel.getByTestId('amazon-unavailable')).toContainText('RECLAIM_SECRET_KEY');
      await expectPage(panel.getByRole('button', { name: 'Connect to Amazon' })).toHaveCount(0);
      await tab.context().close();
    } finally {
      await keyless.close();
    }
    const tab = await signedIn(DESKTOP);
    await tab.getByRole('navigation').getByRole('button', { name: 'Imports' }).click();
    await expectPage(tab.getByTestId('amazon').getByRole('button', { name: 'Connect to Amazon' })).toBeVisible();
    await tab.context().close();
  }, 120_000);
});
