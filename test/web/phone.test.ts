// The demo seller's dashboard (its long generated titles, many products, several types per product) on a phone
// (390 px) and a desktop (1280 px), in English and French (issue 19): every element of a row inside the screen, every
// number of a row shown and matching the API, one claim button per claimable type, dates and SKUs never broken
// inside, page N of M, no English left in French, the Amazon connection only where the server can make one, and
// axe-core clean. The sample files join the demo account so that the underpaid, removal and case lists have rows.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.js';
import { WEB_DIST } from '../../src/http/web.js';
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
import { accessibilityProblems } from './axe.js';
import { expectPage } from './expect-page.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve(import.meta.dirname, '../artifacts/screenshots');
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
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('the dashboard is not built: npm run build:web');
  await mkdir(SHOTS, { recursive: true });
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
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(viewport: { width: number; height: number }, into = server, with_ = token): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const tab = await context.newPage();
  await tab.goto(into.url);
  await tab.getByLabel('Account token').fill(with_);
  await tab.getByRole('button', { name: 'Open' }).click();
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
      await expectPage(tab.getByTestId('page-count')).toHaveText(
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
        for (const item of node.byType.filter((type) => type.missingUnits + type.claimedUnits + type.expiredUnits > 0)) {
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
});
