// The rate limits' counters in Redis from a server's first request: a starting server waits for the counters'
// connection before it listens (the client does not queue commands, so a request that came while it connected was
// counted by the process's in-memory insurance instead, and the first minute's limit was split between two counters).
// A Redis that refuses is not waited for: the server counts on its own and says so.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger.js';
import { type RateLimiting, rateLimiting } from '../../src/server/yoga.js';
import { testConfig } from '../support/server.js';
import { requireRedis } from '../support/services.js';

const opened: RateLimiting[] = [];
afterAll(() => {
  for (const limits of opened) limits.close();
});

type LogLine = { level: number; msg: string; err?: { message?: string } };

function capturingLogger(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log: log as unknown as Logger, lines };
}

async function consumeTimes(limits: RateLimiting, key: string, times: number): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < times; i++) {
    outcomes.push(
      await limits.limiters.mutations.consume(key, 1).then(
        () => 'ok',
        (rejection: unknown) => (rejection instanceof RateLimiterRes ? 'limited' : String(rejection)),
      ),
    );
  }
  return outcomes;
}

describe('rate limits in Redis', () => {
  it('counts in Redis from the first change once ready() has answered', async () => {
    const redisUrl = await requireRedis();
    const config = testConfig({ redisUrl, rateLimits: { mutationsPerMinute: 3, importsPerHour: 2 } });
    const { log } = capturingLogger();
    const limits = rateLimiting(config, log);
    opened.push(limits);
    await limits.ready();
    expect(await consumeTimes(limits, 'account:1', 4)).toEqual(['ok', 'ok', 'ok', 'limited']);
    // Every one of the four reached Redis: none was counted by the in-memory insurance alone.
    const reader = new Redis(redisUrl);
    try {
      expect(await reader.get(`${config.redisPrefix}:rate:mutations:account:1`)).toBe('4');
    } finally {
      reader.disconnect();
    }
  });

  it('does not wait for a Redis that refuses: it says so and counts in this process', async () => {
    const config = testConfig({
      // A port nothing listens on: the connection is refused at once.
      redisUrl: 'redis://127.0.0.1:9',
      redisPrefix: `test-${randomBytes(6).toString('hex')}`,
      rateLimits: { mutationsPerMinute: 3, importsPerHour: 2 },
    });
    const { log, lines } = capturingLogger();
    const limits = rateLimiting(config, log);
    opened.push(limits);
    await limits.ready();
    const warning = lines.find((line) => line.level === 40 && /counts them on its own/.test(line.msg));
    // The refusal itself, not the end of the wait for an answer.
    expect(warning?.err?.message).toMatch(/ECONNREFUSED/);
    expect(await consumeTimes(limits, 'account:1', 4)).toEqual(['ok', 'ok', 'ok', 'limited']);
  });
});
