// The dashboard's "Removal shipments waiting for your receipt" (docs/rules.md section 10) in a real browser: the
// seller enters what arrived, the shipment leaves the list and its missing units appear as REMOVAL, on a desktop and
// on a phone.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, SAMPLES_AS_OF, startServer, type TestServer, uploadSample } from '../support/server.js';
import { launchBrowser, SHOTS, signedInTab } from './browser.js';
import { expectPage } from './expect-page.js';

let server: TestServer;
let token: string;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ now: new Date(SAMPLES_AS_OF) });
  token = await server.account('Removal Browser Seller', 'NA');
  for (const file of ['product-costs.tsv', 'removal-orders.tsv', 'removal-shipments.tsv'])
    member((await uploadSample(server, token, file)).data?.importReport, 'ImportReportSuccess');
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  const tab = await signedInTab(browser, { url: server.url, token, viewport });
  await expectPage(tab.getByRole('heading', { level: 1, name: 'Missing products' })).toBeVisible();
  return tab;
}

describe('removal shipments waiting for a receipt', () => {
  it('lists both shipments, newest first; a receipt short of what was shipped makes REMOVAL units', async () => {
    const tab = await signedIn({ width: 1280, height: 900 });
    const list = tab.getByRole('region', { name: 'Removal shipments waiting for your receipt' });
    await expectPage(list.locator('tbody tr')).toHaveCount(2);
    expect(await list.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.dataset.tracking))).toEqual([
      '1Z0002',
      '1Z0001',
    ]);
    // Before the receipt, only LAMP's units lost before shipping.
    await expectPage(tab.locator('tr[data-sku="SKU-MUG-01"]')).toHaveCount(0);
    await expectPage(tab.locator('tr[data-sku="SKU-LAMP-02"] .badge')).toHaveText('Removal');

    const mug = list.locator('tr[data-tracking="1Z0002"]');
    await mug.getByLabel('Units received of SKU-MUG-01 1Z0002').fill('2');
    await mug.getByRole('button', { name: 'Save' }).click();
    await expectPage(list.locator('tbody tr')).toHaveCount(1);
    await expectPage(tab.locator('tr[data-sku="SKU-MUG-01"] [data-column="missing-claimed"]')).toHaveText('1 | 0');
    await expectPage(tab.locator('tr[data-sku="SKU-MUG-01"] .badge')).toHaveText('Removal');
    await tab.screenshot({ path: path.join(SHOTS, 'removal-receipts.png'), fullPage: true });
    await tab.context().close();
  });

  it('refuses more units than were shipped, saying so beside the shipment', async () => {
    const tab = await signedIn({ width: 1280, height: 900 });
    const lamp = tab.locator('tr[data-tracking="1Z0001"]');
    await lamp.getByLabel('Units received of SKU-LAMP-02 1Z0001').evaluate((input: HTMLInputElement) => {
      // The field's own max stops a browser from sending it; a script or an old page would: the server refuses it.
      input.removeAttribute('max');
    });
    await lamp.getByLabel('Units received of SKU-LAMP-02 1Z0001').fill('5');
    await lamp.getByRole('button', { name: 'Save' }).click();
    await expectPage(lamp.getByRole('alert')).toHaveText(
      'shipment 1Z0001 of removal order RMV-0001, SKU SKU-LAMP-02: 5 units received is more than the 3 shipped; check the order, tracking number and SKU',
    );
    await tab.context().close();
  });

  it('fits a phone: nothing wider than the screen but the tables, which scroll in their frame', async () => {
    const tab = await signedIn({ width: 390, height: 844 });
    await expectPage(tab.getByRole('region', { name: 'Removal shipments waiting for your receipt' })).toBeVisible();
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await tab.screenshot({ path: path.join(SHOTS, 'removal-receipts-phone.png'), fullPage: true });
    await tab.context().close();
  });
});
