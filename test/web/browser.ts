// What every browser test of the dashboard starts with: Debian's Chromium, the built dashboard, the screenshots'
// folder, and a tab signed in with an account's token.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { WEB_DIST } from '../../src/server/web.js';

const CHROMIUM = '/usr/bin/chromium';

/** Where the browser tests write their screenshots (the README's come from here). */
export const SHOTS = path.resolve(import.meta.dirname, '../artifacts/screenshots');

/** Chromium, once the dashboard is built; fails saying what to install or build when either is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium; .ci/run does)`,
    );
  }
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`the dashboard is not built (${WEB_DIST}): npm ci builds it, or npm run build:web`);
  }
  await mkdir(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A new tab of its own context at `url`, the token entered and sent (in any language of the dashboard). */
export async function signedInTab(
  browser: Browser,
  at: { url: string; token: string; viewport: { width: number; height: number }; locale?: string },
): Promise<Page> {
  const context = await browser.newContext({ viewport: at.viewport, locale: at.locale ?? 'en-US' });
  const tab = await context.newPage();
  await tab.goto(at.url);
  await tab.locator('#token').fill(at.token);
  await tab.locator('form.token-form button[type="submit"]').click();
  return tab;
}
