// The one job runner every transport uses: how a try ends (done, to be tried again after a backoff, given up with
// the job's gaveUp) and what the inline transport does with it. The sync's paginator beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Wait } from '../../src/amazon/client.js';
import { allPages } from '../../src/amazon-sync/paginate.js';
import { systemClock } from '../../src/clock.js';
import { createEvents } from '../../src/events.js';
import { inlineJobs } from '../../src/jobs/inline.js';
import { defineJob, type JobContext } from '../../src/jobs/kit.js';
import { type JobDependencies, JobRunner } from '../../src/jobs/runner.js';
import { createLogger } from '../../src/logger.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
let deps: JobDependencies;
beforeAll(async () => {
  database = await openTestDatabase();
  deps = { db: database.db, clock: systemClock(), events: createEvents(), log: createLogger('silent') };
});
afterAll(() => database?.close());

/** A job that fails its first `failures` tries, and records what it was given. */
function flaky(failures: number) {
  const seen = { tries: 0, gaveUp: [] as unknown[], contexts: [] as JobContext[] };
  const job = defineJob({
    name: 'flaky',
    payload: z.object({ id: z.number() }),
    async run(_payload, ctx) {
      seen.contexts.push(ctx);
      if (++seen.tries <= failures) throw new Error(`try ${seen.tries} failed`);
    },
    async gaveUp(payload, _ctx, error) {
      seen.gaveUp.push({ payload, error: (error as Error).message });
    },
  });
  return { job, seen };
}

describe('the job runner', () => {
  it('runs a job with its own context: the payload checked, real time apart from the business clock', async () => {
    const { job, seen } = flaky(0);
    const runner = new JobRunner(deps, inlineJobs(deps));
    expect(await runner.run(job as never, { id: 1 }, { number: 1, of: 3 })).toEqual({ ok: true });
    expect(seen.contexts[0]?.realNow()).toBeInstanceOf(Date);
    const refused = await runner.run(job as never, { id: 'one' }, { number: 3, of: 3 });
    expect(refused.ok).toBe(false);
    expect(seen.tries).toBe(1);
  });

  it('a failed try is tried again after a growing backoff; the last gives up with the job’s gaveUp', async () => {
    const { job, seen } = flaky(5);
    const runner = new JobRunner(deps, inlineJobs(deps), [job as never]);
    const first = await runner.run('flaky', { id: 7 }, { number: 1, of: 3 });
    const second = await runner.run('flaky', { id: 7 }, { number: 2, of: 3 });
    expect(first).toMatchObject({ ok: false, final: false, retryInMs: 1000 });
    expect(second).toMatchObject({ ok: false, final: false, retryInMs: 2000 });
    expect(seen.gaveUp).toEqual([]);
    expect(await runner.run('flaky', { id: 7 }, { number: 3, of: 3 })).toMatchObject({ ok: false, final: true });
    expect(seen.gaveUp).toEqual([{ payload: { id: 7 }, error: 'try 3 failed' }]);
  });

  it('a job it does not know fails, and is not given up by anyone', async () => {
    const outcome = await new JobRunner(deps, inlineJobs(deps)).run('nobody', {}, { number: 1, of: 1 });
    expect(outcome).toMatchObject({ ok: false, final: true });
    expect(String((outcome as { error: Error }).error.message)).toContain('no job is called nobody');
  });

  it('inline, a job is tried once: its gaveUp runs and its error is the caller’s', async () => {
    const { job, seen } = flaky(1);
    await expect(inlineJobs(deps).enqueue(job, { id: 3 })).rejects.toThrow('try 1 failed');
    expect(seen.gaveUp).toEqual([{ payload: { id: 3 }, error: 'try 1 failed' }]);
  });
});

describe('the sync’s paginator', () => {
  it('reads every page with the token of the one before, and answers a Wait as it comes', async () => {
    const asked: Array<string | undefined> = [];
    const pages = { a: { items: [1], next: 'b' }, b: { items: [2], next: 'c' }, c: { items: [3], next: null } };
    const read = await allPages(
      async (token) => {
        asked.push(token);
        return pages[(token ?? 'a') as keyof typeof pages];
      },
      (page) => page.next,
    );
    expect(asked).toEqual([undefined, 'b', 'c']);
    expect(Array.isArray(read) && read.flatMap((page) => page.items)).toEqual([1, 2, 3]);
    const wait = new Wait(30_000, 'throttled');
    expect(
      await allPages(
        async (token) => (token ? wait : { next: 'b' }),
        (page) => page.next,
      ),
    ).toBe(wait);
  });
});
