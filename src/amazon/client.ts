// A small typed client of the Selling Partner API operations Reclaim needs, written against Amazon's published
// models: Login with Amazon (token refresh), Reports 2021-06-30, Fulfillment Inbound v0 and Finances 2024-06-19.
// No SDK: the maintained npm client fixes its hosts per region (tests and staging need other base URLs) and brings its
// own CSV parsing and throttling; this one shares the import pipeline and tells the sync job when it must wait.
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import type { AmazonSettings } from '../config.js';
import type { ErrorCode } from '../domain/errors.js';
import { SHIPMENT_STATUSES } from '../domain/reports/inbound-shipments.js';
import type { Region } from '../domain/types.js';
import { bucketOf, type Operation } from './rate-limits.js';

export const REGION_ENDPOINTS: Record<Region, string> = {
  NA: 'https://sellingpartnerapi-na.amazon.com',
  EU: 'https://sellingpartnerapi-eu.amazon.com',
  FE: 'https://sellingpartnerapi-fe.amazon.com',
};

/** The Selling Partner API of a region, or the one base URL the configuration gives for all. */
export function endpointOf(settings: Pick<AmazonSettings, 'spApiUrl'>, region: Region): string {
  return settings.spApiUrl ?? REGION_ENDPOINTS[region];
}

export interface Credentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/**
 * Amazon answered with an error, or could not be reached (AMAZON_UNAVAILABLE; `transient` ones may succeed when tried
 * later), or Login with Amazon refused the credentials (AMAZON_REFUSED: only the seller can fix that, by connecting
 * again). Thrown, not returned: it comes from the network at any depth of a feed's pagination, and ends the step (or
 * the connect) at the one place that catches it, where its code decides what follows. Waiting, the answer the client
 * expects, is a result (Wait).
 */
export class SpApiError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly code: Extract<ErrorCode, 'AMAZON_REFUSED' | 'AMAZON_UNAVAILABLE'> = 'AMAZON_UNAVAILABLE',
  ) {
    super(message);
  }
}

/**
 * The answer of a call that must wait longer than a job should sleep (a rate limit, a throttle, a report Amazon is
 * still making): a result, not an error; the sync records when to come back and continues then.
 */
export class Wait {
  constructor(
    readonly waitMs: number,
    readonly why: string,
  ) {}
}

/** What Amazon answered, or how long to wait before asking. */
export type Answer<T> = Promise<T | Wait>;

export interface ReportRequest {
  reportType: string;
  marketplaceIds: string[];
  dataStartTime?: string;
  dataEndTime?: string;
}

export type ProcessingStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';

export interface Report {
  reportId: string;
  reportType: string;
  processingStatus: ProcessingStatus;
  reportDocumentId?: string;
  createdTime: string;
  dataStartTime?: string;
  dataEndTime?: string;
}

export interface ReportDocument {
  reportDocumentId: string;
  url: string;
  compressionAlgorithm?: 'GZIP';
}

export type JsonBody = { payload?: Record<string, unknown>; errors?: unknown[] } & Record<string, unknown>;

export interface ClientOptions {
  lwaUrl: string;
  baseUrl: string;
  credentials: Credentials;
  /** Whose rate limits the calls count against (the connection). */
  bucketKey: string;
  /** Waits up to this long in place; a longer wait is answered as a Wait. */
  maxInlineWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const USER_AGENT = 'Reclaim/1.0 (Language=TypeScript; Platform=Node.js)';
const TRANSIENT_TRIES = 3;
const THROTTLED_TRIES = 6;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * What Amazon said went wrong: each error's code, message and details. The details often carry the reason (a 403's
 * "The access token you provided has expired.", selling-partner-api-docs issue #2147), so they are never dropped.
 */
export function errorText(body: unknown): string {
  const errors = (body as { errors?: Array<{ code?: string; message?: string; details?: string }> } | undefined)
    ?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors
      .map((error) => {
        const head = [error.code, error.message].filter(Boolean).join(': ');
        return error.details ? `${head} (${error.details})` : head;
      })
      .join('; ');
  }
  return '';
}

/**
 * A 403 that a fresh access token may mend: the token expired early (clock skew; Amazon's details say "has expired",
 * some answers say "The security token included in the request is expired", selling-partner-api-docs issue #3153)
 * or Amazon no longer takes it ("revoked, malformed or invalid").
 */
export function accessTokenRefused(detail: string): boolean {
  return /expired|access token you provided is revoked, malformed or invalid/i.test(detail);
}

export class SpApiClient {
  private accessToken?: { value: string; expiresAt: number };
  private tokenRequest?: Promise<string>;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxInlineWaitMs: number;

  constructor(private readonly options: ClientOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
    this.maxInlineWaitMs = options.maxInlineWaitMs ?? 5_000;
  }

  /** Text from Amazon with the credentials taken out, should Amazon ever echo one. */
  private redact(text: string): string {
    let clean = text;
    const { clientSecret, refreshToken } = this.options.credentials;
    for (const secret of [clientSecret, refreshToken, this.accessToken?.value]) {
      if (secret && secret.length >= 8) clean = clean.split(secret).join('[redacted]');
    }
    return clean;
  }

  /** A fresh access token (LWA access tokens last an hour: kept until a minute before they expire). */
  async token(): Promise<string> {
    if (this.accessToken && this.accessToken.expiresAt - 60_000 > this.now()) return this.accessToken.value;
    // Calls made at once (a sync's feeds run side by side) share one request to Login with Amazon.
    this.tokenRequest ??= this.requestToken().finally(() => {
      this.tokenRequest = undefined;
    });
    return this.tokenRequest;
  }

  private async requestToken(): Promise<string> {
    const { clientId, clientSecret, refreshToken } = this.options.credentials;
    let response: Response;
    try {
      response = await fetch(this.options.lwaUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', 'user-agent': USER_AGENT },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: clientId,
          client_secret: clientSecret,
        }),
      });
    } catch (error) {
      throw new SpApiError(`Login with Amazon could not be reached (${(error as Error).message})`, true);
    }
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (response.ok && body.access_token) {
      this.accessToken = { value: body.access_token, expiresAt: this.now() + (body.expires_in ?? 3600) * 1000 };
      return body.access_token;
    }
    const reason = this.redact([body.error, body.error_description].filter(Boolean).join(': '));
    if (response.status === 400 || response.status === 401) {
      throw new SpApiError(
        `Login with Amazon refused the connection's credentials (${reason || `HTTP ${response.status}`}): ` +
          'the refresh token has expired or was revoked, or the client id and secret are wrong. Connect the account again.',
        false,
        'AMAZON_REFUSED',
      );
    }
    throw new SpApiError(
      `Login with Amazon answered HTTP ${response.status}${reason ? ` (${reason})` : ''}`,
      response.status >= 500 || response.status === 429,
    );
  }

  private async waitForToken(operation: Operation): Promise<Wait | undefined> {
    const waitMs = bucketOf(this.options.bucketKey, operation, this.now()).take(this.now());
    if (waitMs > this.maxInlineWaitMs) return new Wait(waitMs, `${operation} is rate-limited`);
    if (waitMs > 0) await this.sleep(waitMs);
    return undefined;
  }

  private async call<T>(
    operation: Operation,
    method: 'GET' | 'POST',
    path: string,
    request: { query?: Record<string, string | undefined>; body?: unknown } = {},
  ): Answer<T> {
    const url = new URL(this.options.baseUrl + path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    let transientFailures = 0;
    let throttled = 0;
    let tokenRenewed = false;
    for (;;) {
      const wait = await this.waitForToken(operation);
      if (wait) return wait;
      const accessToken = await this.token();
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            'x-amz-access-token': accessToken,
            'x-amz-date': new Date(this.now()).toISOString().replace(/[-:]|\.\d{3}/g, ''),
            'user-agent': USER_AGENT,
            accept: 'application/json',
            ...(request.body ? { 'content-type': 'application/json' } : {}),
          },
          body: request.body ? JSON.stringify(request.body) : undefined,
        });
      } catch (error) {
        if (++transientFailures >= TRANSIENT_TRIES) {
          throw new SpApiError(
            `${operation}: the Selling Partner API could not be reached (${(error as Error).message})`,
            true,
          );
        }
        await this.sleep(1000 * 2 ** (transientFailures - 1));
        continue;
      }
      const body = (await response.json().catch(() => undefined)) as T | undefined;
      // Amazon says each operation's actual rate for this seller and application (the models give the defaults).
      const granted = Number(response.headers.get('x-amzn-ratelimit-limit'));
      if (granted > 0) bucketOf(this.options.bucketKey, operation, this.now()).adopt(granted);
      if (response.ok) return body as T;
      const detail = this.redact(errorText(body));
      if (response.status === 429) {
        const bucket = bucketOf(this.options.bucketKey, operation, this.now());
        // Amazon sends no Retry-After with its 429s: without one, the wait is what the plan takes to give a token.
        const waitMs = retryAfterMs(response.headers.get('retry-after'), this.now()) ?? 1000 / bucket.plan.rate;
        bucket.emptyFor(this.now(), waitMs);
        if (++throttled >= THROTTLED_TRIES || waitMs > this.maxInlineWaitMs) {
          return new Wait(waitMs, `${operation} was throttled by Amazon (429)`);
        }
        // The bucket gives its next token when the wait is over.
        continue;
      }
      if (response.status === 403 && !tokenRenewed && accessTokenRefused(detail)) {
        // One fresh token, one more try.
        this.accessToken = undefined;
        tokenRenewed = true;
        continue;
      }
      if (response.status >= 500 && ++transientFailures < TRANSIENT_TRIES) {
        await this.sleep(1000 * 2 ** (transientFailures - 1));
        continue;
      }
      throw new SpApiError(
        `${operation} failed: HTTP ${response.status}${detail ? ` (${detail})` : ''}`,
        response.status >= 500,
      );
    }
  }

  createReport(request: ReportRequest): Answer<{ reportId: string }> {
    return this.call('createReport', 'POST', '/reports/2021-06-30/reports', { body: request });
  }

  getReport(reportId: string): Answer<Report> {
    return this.call('getReport', 'GET', `/reports/2021-06-30/reports/${encodeURIComponent(reportId)}`);
  }

  getReports(query: {
    reportTypes: string[];
    processingStatuses?: ProcessingStatus[];
    createdSince?: string;
    pageSize?: number;
    nextToken?: string;
  }): Answer<{ reports: Report[]; nextToken?: string }> {
    // With nextToken, Amazon wants nothing else (the token carries the query).
    const params = query.nextToken
      ? { nextToken: query.nextToken }
      : {
          reportTypes: query.reportTypes.join(','),
          processingStatuses: query.processingStatuses?.join(','),
          createdSince: query.createdSince,
          pageSize: String(query.pageSize ?? 100),
        };
    return this.call('getReports', 'GET', '/reports/2021-06-30/reports', { query: params });
  }

  getReportDocument(reportDocumentId: string): Answer<ReportDocument> {
    return this.call(
      'getReportDocument',
      'GET',
      `/reports/2021-06-30/documents/${encodeURIComponent(reportDocumentId)}`,
    );
  }

  /**
   * A report document's text, as UTF-8 bytes: gunzipped when Amazon compressed it, decoded from the charset its
   * Content-Type names (Amazon serves EU documents in Cp1252 and Japanese ones in Shift_JIS). Without a charset the
   * bytes go as they are, and the import pipeline recognises their encoding (docs/reports.md). The URL is pre-signed:
   * no credential goes with it, and it is never logged.
   */
  async downloadDocument(document: ReportDocument): Promise<AsyncIterable<Uint8Array>> {
    let response: Response;
    try {
      response = await fetch(document.url, { headers: { 'user-agent': USER_AGENT } });
    } catch (error) {
      throw new SpApiError(`the report document could not be downloaded (${(error as Error).message})`, true);
    }
    if (!response.ok || !response.body) {
      throw new SpApiError(
        `the report document could not be downloaded: HTTP ${response.status}`,
        response.status >= 500,
      );
    }
    let bytes: Readable = Readable.fromWeb(response.body as never);
    if (document.compressionAlgorithm === 'GZIP') bytes = bytes.pipe(createGunzip());
    const charset = charsetOf(response.headers.get('content-type'));
    if (!charset) return bytes;
    const decoded = bytes.pipe(iconv.decodeStream(charset));
    return (async function* () {
      for await (const text of decoded) yield Buffer.from(text as string, 'utf8');
    })();
  }

  /**
   * The shipments whose header changed in a window, of every status a shipment can have. The model marks
   * ShipmentStatusList optional, but Amazon refuses a DATE_RANGE query without it or ShipmentIdList
   * (selling-partner-api-docs issues #234, #1429, #3304).
   */
  getShipments(query: InboundQuery): Answer<JsonBody> {
    const params = inboundParams(query);
    return this.call('getShipments', 'GET', '/fba/inbound/v0/shipments', {
      query: query.nextToken ? params : { ...params, ShipmentStatusList: SHIPMENT_STATUSES.join(',') },
    });
  }

  /** The items of the shipments updated in a window, every shipment's in one paged list. */
  getShipmentItems(query: InboundQuery): Answer<JsonBody> {
    return this.call('getShipmentItems', 'GET', '/fba/inbound/v0/shipmentItems', { query: inboundParams(query) });
  }

  /**
   * Every item of one shipment. Its MarketplaceId parameter is "Deprecated. Do not use." in the model (since
   * 2025-01-07): none is sent.
   */
  getShipmentItemsByShipmentId(shipmentId: string): Answer<JsonBody> {
    return this.call(
      'getShipmentItemsByShipmentId',
      'GET',
      `/fba/inbound/v0/shipments/${encodeURIComponent(shipmentId)}/items`,
    );
  }

  /**
   * Finances 2024-06-19 transactions posted in [postedAfter, postedBefore). Every page is asked with the same
   * arguments, its next token beside them, as the model says. The caller keeps windows within 180 days and ending
   * two minutes before now (the model's rules: a longer window answers empty, without an error).
   */
  listTransactions(query: { postedAfter: string; postedBefore: string; nextToken?: string }): Answer<JsonBody> {
    return this.call('listTransactions', 'GET', '/finances/2024-06-19/transactions', {
      query: { postedAfter: query.postedAfter, postedBefore: query.postedBefore, nextToken: query.nextToken },
    });
  }
}

export interface InboundQuery {
  marketplaceId: string;
  lastUpdatedAfter?: string;
  lastUpdatedBefore?: string;
  nextToken?: string;
}

/** Fulfillment Inbound v0 queries by date range, and their next pages by NEXT_TOKEN. */
function inboundParams(query: InboundQuery): Record<string, string | undefined> {
  return query.nextToken
    ? { QueryType: 'NEXT_TOKEN', NextToken: query.nextToken, MarketplaceId: query.marketplaceId }
    : {
        QueryType: 'DATE_RANGE',
        MarketplaceId: query.marketplaceId,
        LastUpdatedAfter: query.lastUpdatedAfter,
        LastUpdatedBefore: query.lastUpdatedBefore,
      };
}

const CHARSET_ALIASES: Record<string, string> = { ms932: 'cp932', 'windows-31j': 'cp932', x_sjis: 'shift_jis' };

/** The charset a Content-Type names, as iconv-lite knows it; undefined for UTF-8 or none. */
export function charsetOf(contentType: string | null): string | undefined {
  const match = contentType?.match(/charset="?([^";\s]+)"?/i);
  if (!match) return undefined;
  const name = (match[1] as string).toLowerCase();
  if (name === 'utf-8' || name === 'utf8') return undefined;
  const known = CHARSET_ALIASES[name] ?? name;
  if (!iconv.encodingExists(known)) throw new SpApiError(`the report document's charset ${name} is unknown`, false);
  return known;
}
