// Web-first assertions over playwright-core locators (playwright-core has no `expect`): each one polls the page
// until it holds or its time is up, then fails with what the page last showed.
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

// 20 s: a sync or an import behind a check can take that long on a loaded two-core machine; a check that holds
// returns at once.
async function until(check: () => Promise<void>, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

interface Options {
  timeout?: number;
}

function assertions(locator: Locator, negate: boolean) {
  const holds = (value: boolean) => expect(value).toBe(!negate);
  return {
    toBeVisible: (options?: Options) => until(async () => holds(await locator.isVisible()), options?.timeout),
    toBeHidden: (options?: Options) => until(async () => holds(await locator.isHidden()), options?.timeout),
    toHaveCount: (count: number, options?: Options) =>
      until(async () => holds((await locator.count()) === count), options?.timeout),
    toHaveText: (text: string | string[], options?: Options) =>
      until(async () => {
        const shown = Array.isArray(text)
          ? (await locator.allTextContents()).map(normalise)
          : normalise(await locator.textContent({ timeout: 1_000 }));
        if (negate) expect(shown).not.toEqual(text);
        else expect(shown).toEqual(text);
      }, options?.timeout),
    toContainText: (text: string, options?: Options) =>
      until(
        async () => holds(normalise(await locator.textContent({ timeout: 1_000 })).includes(text)),
        options?.timeout,
      ),
    toHaveAttribute: (name: string, value: string | RegExp, options?: Options) =>
      until(async () => {
        const shown = (await locator.getAttribute(name, { timeout: 1_000 })) ?? '';
        holds(typeof value === 'string' ? shown === value : value.test(shown));
      }, options?.timeout),
    toHaveClass: (pattern: RegExp, options?: Options) =>
      until(
        async () => holds(pattern.test((await locator.getAttribute('class', { timeout: 1_000 })) ?? '')),
        options?.timeout,
      ),
    toBeFocused: (options?: Options) =>
      until(
        async () =>
          holds(await locator.evaluate((element) => element === document.activeElement, undefined, { timeout: 1_000 })),
        options?.timeout,
      ),
    toHaveValue: (pattern: RegExp, options?: Options) =>
      until(async () => holds(pattern.test(await locator.inputValue({ timeout: 1_000 }))), options?.timeout),
  };
}

export function expectPage(locator: Locator) {
  return { ...assertions(locator, false), not: assertions(locator, true) };
}
