// Live delivery latency (issues 5 and 16): `caseUpdated` to 100, then 1,000 subscribers of one account at 20 events/s,
// over graphql-ws and over Server-Sent Events, and the same fan-out of one pre-serialised frame over bare `ws` in the
// same run; p50/p99 and their ratio to bare ws.
// Usage: npm run bench:live [-- --subscribers 100,1000 --rate 20 --seconds 10 --transports graphql-ws,sse --rounds 3]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { WebSocketServer } from 'ws';
import { openCase } from '../src/cases/open-case.js';
import { systemClock } from '../src/clock.js';
import { type Config, readConfig } from '../src/config.js';
import { caseUpdatedMessage } from '../src/domain/case-events.js';
import { createEvents } from '../src/events.js';
import { importNow } from '../src/jobs/inline.js';
import { createLogger } from '../src/logger.js';
import { buildApp } from '../src/server/app.js';
import { createAccount } from '../src/store/accounts.js';
import { caseSnapshots } from '../src/store/cases.js';
import { embeddedDatabase, ms, percentile, record } from './common.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '100,1000' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    // Which transports to measure (a profile of one alone is easier to read); bare ws is always measured.
    transports: { type: 'string', default: 'graphql-ws,sse' },
    rounds: { type: 'string', default: '3' },
  },
});
const COUNTS = values.subscribers.split(',').map(Number);
const TRANSPORTS = values.transports.split(',') as Array<'graphql-ws' | 'sse'>;
const RATE = Number(values.rate);
const ROUNDS = Number(values.rounds);
const EVENTS = RATE * Number(values.seconds);
const AS_OF = new Date('2025-06-15T00:00:00Z');
const MEASURED = 1_000_000;
const QUERY = 'subscription { caseUpdated { kind caseId at case { id status claimedUnits reimbursedUnits } } }';

interface Fanout {
  url: string;
  token?: string;
  mode: 'graphql-ws' | 'sse' | 'ws';
  publish(sequence: number): void;
}

/** Starts the subscribers, warms them up, then publishes EVENTS events at RATE per second; returns the latencies. */
async function measure(fanout: Fanout, subscribers: number) {
  const worker = new Worker(new URL('./live-clients.mjs', import.meta.url), {
    workerData: {
      mode: fanout.mode,
      url: fanout.url,
      token: fanout.token,
      query: QUERY,
      subscribers,
      expected: EVENTS,
      measured: MEASURED,
    },
  });
  let ready = false;
  const done = new Promise<number[][]>((resolve, reject) => {
    worker.on('message', (message: { ready?: true; received?: number[][]; error?: string }) => {
      if (message.ready) ready = true;
      if (message.received) resolve(message.received);
      if (message.error) reject(new Error(message.error));
    });
    worker.on('error', reject);
  });
  for (let warmup = 0; !ready; warmup++) {
    if (warmup > 600) throw new Error(`${fanout.mode}: the subscribers are not all live after 60 s`);
    fanout.publish(warmup);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const sent: number[] = [];
  const started = performance.now();
  for (let index = 0; index < EVENTS; index++) {
    const due = started + (index * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.push(performance.timeOrigin + performance.now());
    fanout.publish(MEASURED + index);
  }
  const received = await done;
  await worker.terminate();
  const latencies = received.flatMap((times) => times.map((at, index) => at - sent[index]!)).sort((a, b) => a - b);
  const lost = latencies.filter((value) => Number.isNaN(value)).length;
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), deliveries: latencies.length - lost };
}

async function main() {
  const bench = await embeddedDatabase();
  const { db } = bench;
  const log = createLogger('silent', { pretty: false });
  const clock = systemClock(AS_OF);
  const events = createEvents();
  const { account, token } = await createAccount(db, { name: 'Live bench', region: 'NA' });
  const ledger = await readFile(path.resolve(import.meta.dirname, '../spec/samples/ledger.tsv'));
  const imported = await importNow(
    { db, clock, events, log },
    { accountId: account.id, fileName: 'ledger.tsv', kind: 'LEDGER' },
    (async function* () {
      yield ledger;
    })(),
    { maxBytes: 2 ** 20 },
  );
  if (!imported.ok) throw new Error(imported.message);
  const opened = await openCase({ db, log, publishCaseEvents: () => {}, publishMissingChanged: () => {} }, account, {
    type: 'LOST',
    skus: ['SKU-MUG-01'],
    amazonCaseId: '1234567890',
    asOf: AS_OF,
  });
  if (!opened.ok) throw new Error(opened.message);
  const { caseId } = opened;

  // The defaults of a fresh installation, on an ephemeral port, with no other process's settings.
  const config: Config = { ...readConfig({}), port: 0, logLevel: 'silent' };
  // What a mutation publishes (jobs/announce.ts): the event with the case as the change left it, read once by the
  // publisher; subscribers of one account and selection share one execution, which reads nothing more.
  const snapshot = (await caseSnapshots(db, account.id, [caseId])).get(caseId);
  const publish = (sequence: number) =>
    events.publish(
      'case:updated',
      account.id,
      caseUpdatedMessage({ kind: 'OPENED', caseId, at: new Date(sequence) }, snapshot),
    );
  // Bare ws sends the very message graphql-ws sends (a `next` with the case as the query reads it), so both carry the
  // same bytes and their subscribers do the same work per message.
  const probe = buildApp({ config, db, log, clock, events, jobs: { enqueue: async () => {} } });
  const response = await probe.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `{ case(id: "${caseId}") { id status claimedUnits reimbursedUnits } }` }),
  });
  const { data } = (await response.json()) as { data?: { case: unknown } };
  if (!data?.case) throw new Error('The bench case could not be read');
  await probe.stop(0);
  const bareServer = async (): Promise<Fanout & { close(): void }> => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    return {
      mode: 'ws',
      url: `ws://127.0.0.1:${(server.address() as { port: number }).port}`,
      publish: (sequence) => {
        const at = new Date(sequence).toISOString();
        const caseUpdated = { kind: 'OPENED', caseId: String(caseId), at, case: data.case };
        const frame = JSON.stringify({ id: '1', type: 'next', payload: { data: { caseUpdated } } });
        for (const client of server.clients) client.send(frame);
      },
      close: () => server.close(),
    };
  };
  const lines: string[] = [];
  for (const subscribers of COUNTS) {
    // Rounds of each transport and bare ws one after the other: each round's ratio is read against the bare ws of
    // the same round (the machine's speed drifts within a run), and the median round is reported.
    const rounds: Array<Record<string, { p50: number; p99: number; deliveries: number }>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const results: Record<string, { p50: number; p99: number; deliveries: number }> = {};
      for (const mode of TRANSPORTS) {
        const app = buildApp({ config, db, log, clock, events, jobs: { enqueue: async () => {} } });
        const address = await app.start();
        const url = `${mode === 'sse' ? 'http' : 'ws'}://127.0.0.1:${address.port}/graphql`;
        results[mode] = await measure({ mode, url, token, publish }, subscribers);
        await app.stop(100);
      }
      const bare = await bareServer();
      results.ws = await measure(bare, subscribers);
      bare.close();
      rounds.push(results);
    }
    lines.push(
      `caseUpdated to ${subscribers} subscribers at ${RATE} events/s, ${EVENTS} events, ${ROUNDS} rounds ` +
        '(each p99 / bare ws p99 of its round; median round reported):',
    );
    for (const name of TRANSPORTS) {
      const ratios = rounds.map((round) => round[name]!.p99 / round.ws!.p99);
      const median = rounds.map((round, index) => ({ round, ratio: ratios[index]! })).sort((a, b) => a.ratio - b.ratio)[
        Math.floor(ROUNDS / 2)
      ]!;
      const [result, bare] = [median.round[name]!, median.round.ws!];
      lines.push(
        `  ${name.padEnd(10)}: p50 ${ms(result.p50)}, p99 ${ms(result.p99)} against bare ws p50 ${ms(bare.p50)}, ` +
          `p99 ${ms(bare.p99)}: p99 ${median.ratio.toFixed(2)}× (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}), ` +
          `p50 ${(result.p50 / bare.p50).toFixed(2)}×; ${result.deliveries} of ${subscribers * EVENTS} delivered`,
      );
      record({
        bench: 'live',
        measure: `caseUpdated to ${subscribers.toLocaleString('en')} subscribers, ${name}, p99 (median of ${ROUNDS} rounds)`,
        value: ms(result.p99),
        baseline: `bare ws ${ms(bare.p99)}`,
        ratio: median.ratio,
        goal: '≤ 1.5× bare ws',
        met: median.ratio <= 1.5,
      });
    }
  }
  await bench.close();
  console.log(lines.join('\n'));
}

await main();
