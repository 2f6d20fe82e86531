// Configuration is read once, from the environment, and every problem is reported at once (docs/api.md, Configuration).
import path from 'node:path';
import { z } from 'zod';

// An empty variable counts as unset.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const switchSetting = z.enum(['true', 'false', '1', '0', 'on', 'off'], { message: 'must be true or false' });
const isOn = (value: z.infer<typeof switchSetting> | undefined, fallback: boolean) =>
  value === undefined ? fallback : ['true', '1', 'on'].includes(value);

const environment = z.object({
  RECLAIM_DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(
    z
      .string()
      .refine(
        (url) => /^postgres(ql)?:\/\//.test(url),
        'must be a postgres:// URL (unset it to use the embedded database)',
      ),
  ),
  PORT: optional(z.coerce.number().int().min(0).max(65535)),
  HOST: optional(z.string()),
  RECLAIM_ADMIN_TOKEN: optional(z.string().min(16, 'must be at least 16 characters long')),
  REDIS_URL: optional(z.string().refine((url) => /^rediss?:\/\//.test(url), 'must be a redis:// URL')),
  RECLAIM_NOW: optional(z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO-8601 instant')),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  RECLAIM_MAX_UPLOAD_MB: optional(z.coerce.number().int().min(1).max(4096)),
  RECLAIM_PUBLIC_URL: optional(
    z.string().url('must be the URL clients reach Reclaim at, such as https://reclaim.example.com'),
  ),
  RECLAIM_DOCUMENT_SECRET: optional(z.string().min(32, 'must be at least 32 characters long')),
  RECLAIM_DOCUMENT_LINK_MINUTES: optional(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  ),
  RECLAIM_IMPORT_WAIT_SECONDS: optional(z.coerce.number().int().min(0).max(3600)),
  RECLAIM_INTROSPECTION: optional(switchSetting),
  RECLAIM_GRAPHIQL: optional(switchSetting),
  RECLAIM_MUTATIONS_PER_MINUTE: optional(z.coerce.number().int().min(1)),
  RECLAIM_IMPORTS_PER_HOUR: optional(z.coerce.number().int().min(1)),
  RECLAIM_RESPONSE_CACHE_MB: optional(z.coerce.number().int().min(0).max(4096)),
  NODE_ENV: optional(z.string()),
  RECLAIM_SECRET_KEY: optional(
    z
      .string()
      .refine(
        (key) => /^[0-9a-fA-F]{64}$/.test(key) || Buffer.from(key, 'base64').length === 32,
        'must be 32 random bytes, as 64 hexadecimal digits or in base64 (openssl rand -hex 32)',
      ),
  ),
  RECLAIM_LWA_URL: optional(z.string().url('must be the URL of the Login with Amazon token endpoint')),
  RECLAIM_SPAPI_URL: optional(z.string().url('must be the base URL of the Selling Partner API (one for every region)')),
  RECLAIM_SYNC_HOURS: optional(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7),
  ),
  RECLAIM_SYNC_LOOKBACK_DAYS: optional(z.coerce.number().int().min(0).max(180)),
  RECLAIM_SYNC_HISTORY_DAYS: optional(z.coerce.number().int().min(1).max(540)),
  RECLAIM_SYNC_REPORT_DAYS: optional(z.coerce.number().int().min(1).max(90)),
  RECLAIM_CORS_ORIGINS: optional(
    z
      .string()
      .refine(
        (list) => list.split(',').every((origin) => /^https?:\/\/[^/\s]+$/.test(origin.trim())),
        'must be origins separated by commas, such as https://app.example.com (scheme and host, no path)',
      ),
  ),
  RECLAIM_CORS_CREDENTIALS: optional(switchSetting),
  RECLAIM_REDIS_PREFIX: optional(
    z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, dots, dashes or underscores'),
  ),
});

export interface Config {
  dataDir: string;
  databaseUrl?: string;
  port: number;
  host: string;
  adminToken?: string;
  redisUrl?: string;
  /** A fixed "now" for demos and tests. */
  now?: Date;
  logLevel: string;
  maxUploadBytes: number;
  /** The URL clients reach Reclaim at, for the links it gives (documents); else the request's own. */
  publicUrl?: string;
  /** The key of document link signatures; else one kept in the database, shared by every process. */
  documentSecret?: string;
  documentLinkSeconds: number;
  /**
   * How long importReport waits for its import (run as a job) to finish before it answers: a small file answers with
   * its result, a large one QUEUED or RUNNING (importProgress and imports follow it).
   */
  importWaitSeconds: number;
  /** The prefix of Reclaim's keys and channels on Redis, so that several installations can share one Redis. */
  redisPrefix: string;
  /** Schema introspection; off in production unless asked for (NODE_ENV=production). */
  introspection: boolean;
  /** GraphiQL in a browser on GET /graphql; off in production unless asked for. */
  graphiql: boolean;
  /**
   * Memory for answers kept by the response cache (src/server/response-cache.ts; embedded database only); 0 turns it
   * off.
   */
  responseCacheBytes: number;
  /** Per account, whichever of its tokens is used; shared across processes through Redis. */
  rateLimits: { mutationsPerMinute: number; importsPerHour: number };
  /** The other sites whose pages may call the API from a browser; none unless configured (same origin only). */
  cors: { origins: string[]; credentials: boolean };
  amazon: AmazonSettings;
}

export interface AmazonSettings {
  /** The key that seals the Selling Partner API credentials at rest; connecting an account needs it. */
  secretKey?: Buffer;
  /** Login with Amazon's token endpoint. */
  lwaUrl: string;
  /** One base URL for every region (tests, staging, a proxy); else each region's own endpoint. */
  spApiUrl?: string;
  /** How often each connected account is synced, unless its connection says otherwise. */
  syncEveryHours: number;
  /** How far back each sync fetches again what an earlier one fetched: Amazon back-dates returns and payments. */
  lookbackDays: number;
  /** How far back the first sync of an account fetches. */
  historyDays: number;
  /** The longest window of one report request: longer windows are fetched in slices (90 days unless set). */
  reportSliceDays?: number;
}

function secretKeyOf(text: string | undefined): Buffer | undefined {
  if (!text) return undefined;
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

/**
 * Thrown, not returned: a configuration that does not parse stops the process before it starts, and the CLI's one
 * handler (cli/main.ts) prints it and exits 2. Nothing could go on with a result.
 */
export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Reclaim cannot start, the configuration has problems:\n${problems.join('\n')}`);
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  return {
    dataDir: path.resolve(values.RECLAIM_DATA_DIR ?? './data'),
    databaseUrl: values.DATABASE_URL,
    port: values.PORT ?? 4000,
    host: values.HOST ?? '127.0.0.1',
    adminToken: values.RECLAIM_ADMIN_TOKEN,
    redisUrl: values.REDIS_URL,
    now: values.RECLAIM_NOW ? new Date(values.RECLAIM_NOW) : undefined,
    logLevel: values.LOG_LEVEL ?? 'info',
    maxUploadBytes: (values.RECLAIM_MAX_UPLOAD_MB ?? 512) * 1024 * 1024,
    publicUrl: values.RECLAIM_PUBLIC_URL?.replace(/\/+$/, ''),
    documentSecret: values.RECLAIM_DOCUMENT_SECRET,
    documentLinkSeconds: (values.RECLAIM_DOCUMENT_LINK_MINUTES ?? 15) * 60,
    importWaitSeconds: values.RECLAIM_IMPORT_WAIT_SECONDS ?? 60,
    redisPrefix: values.RECLAIM_REDIS_PREFIX ?? 'reclaim',
    introspection: isOn(values.RECLAIM_INTROSPECTION, !production),
    graphiql: isOn(values.RECLAIM_GRAPHIQL, !production),
    responseCacheBytes: (values.RECLAIM_RESPONSE_CACHE_MB ?? 32) * 1024 * 1024,
    rateLimits: {
      mutationsPerMinute: values.RECLAIM_MUTATIONS_PER_MINUTE ?? 300,
      importsPerHour: values.RECLAIM_IMPORTS_PER_HOUR ?? 120,
    },
    cors: {
      origins: (values.RECLAIM_CORS_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      credentials: isOn(values.RECLAIM_CORS_CREDENTIALS, false),
    },
    amazon: {
      secretKey: secretKeyOf(values.RECLAIM_SECRET_KEY),
      lwaUrl: values.RECLAIM_LWA_URL ?? 'https://api.amazon.com/auth/o2/token',
      spApiUrl: values.RECLAIM_SPAPI_URL?.replace(/\/+$/, ''),
      syncEveryHours: values.RECLAIM_SYNC_HOURS ?? 24,
      lookbackDays: values.RECLAIM_SYNC_LOOKBACK_DAYS ?? 45,
      historyDays: values.RECLAIM_SYNC_HISTORY_DAYS ?? 540,
      reportSliceDays: values.RECLAIM_SYNC_REPORT_DAYS ?? 90,
    },
  };
}
