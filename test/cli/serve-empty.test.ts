// `reclaim serve` on a data directory no process has opened yet: it creates and migrates the database itself, as on a
// seller's first start, and `--seed-demo-if-empty` (npm start) loads the demo there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProcessDatabase, passServers, processDatabase, startReclaim } from '../support/process.js';
import { gql } from '../support/server.js';
import { CliTotals } from './support.js';

describe('reclaim serve on an empty database', () => {
  let database: ProcessDatabase;
  beforeAll(async () => {
    database = await processDatabase(passServers(), { empty: true });
  });
  afterAll(() => database.close());

  it('adds nothing by itself; with --seed-demo-if-empty (npm start) it loads the demo and prints the GraphiQL link', async () => {
    const plain = await startReclaim(['serve'], database.env);
    expect(plain.logs.some((line) => String(line.msg).includes('demo'))).toBe(false);
    const code = await plain.stop();
    expect(code, plain.stderr()).toBe(0);

    const seeding = await startReclaim(['serve', '--seed-demo-if-empty'], database.env);
    try {
      const printed = await seeding.waitForOutput(/#token=rcl_\S+/);
      const link = /(http:\/\/127\.0\.0\.1:\d+\/graphql)#token=(rcl_\S+)/.exec(printed);
      expect(link, printed).not.toBeNull();
      const [, , demoToken] = link!;
      const totals = (await gql(seeding, CliTotals, {}, demoToken!)).data?.viewer.totals;
      expect(totals!.missingUnits).toBeGreaterThan(0);
      // GraphiQL answers a browser at the printed address.
      const page = await fetch(`${seeding.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('GraphiQL');
      // The token appears in what is printed for the person who started it, never in a log line.
      expect(seeding.logs.some((line) => JSON.stringify(line).includes(demoToken!))).toBe(false);
    } finally {
      await seeding.stop();
    }
    // Started again, the database is no longer empty: no second demo.
    const again = await startReclaim(['serve', '--seed-demo-if-empty'], database.env);
    expect(again.output()).not.toContain('#token=');
    await again.stop();
    // Three starts, one of them creating the database and one loading the demo: three minutes were seen to be too
    // few on a loaded machine.
  }, 300_000);
});
