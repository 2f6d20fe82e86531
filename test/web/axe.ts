// axe-core in the page under test, as the browser tests run it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

const AXE = readFile(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** The WCAG 2 A and AA rules of axe-core on what the page shows: names, labels, contrast, roles, landmarks. */
export async function accessibilityProblems(tab: Page): Promise<string[]> {
  // Evaluated through the browser's protocol, which the page's content security policy does not govern.
  await tab.evaluate(await AXE);
  const results = await tab.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(options: unknown): Promise<{
            violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
  });
  return results.violations.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}
