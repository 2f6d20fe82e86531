// A fake of Amazon's Selling Partner API and Login with Amazon on 127.0.0.1, speaking the real paths and JSON shapes
// (Reports 2021-06-30, Fulfillment Inbound v0, Finances v0, /auth/o2/token) and serving the sample files: reports
// made on request, held IN_PROGRESS for a while, their documents gzip-compressed behind pre-signed-looking URLs,
// pages with next tokens, 429s with Retry-After, refresh tokens that expire.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { SAMPLES } from './server.js';

export const MARKETPLACE_US = 'ATVPDKIKX0DER';

export interface FakeCall {
  operation: string;
  at: number;
  status: number;
  query: Record<string, string>;
  body?: unknown;
}

/** A report Amazon makes on request: a sample file, filtered by the window asked for through its date column. */
interface RequestableReport {
  file: string;
  /** The row's instant, from its fields (the header's names). */
  dateOf(row: Record<string, string>): number;
  /** The charset the document is served in (Content-Type), UTF-8 when absent. */
  charset?: string;
}

const iso = (row: Record<string, string>, column: string) => Date.parse(row[column] as string);

const REQUESTABLE: Record<string, RequestableReport> = {
  GET_LEDGER_DETAIL_VIEW_DATA: {
    file: 'ledger.tsv',
    dateOf: (row) => {
      const [month, day, year] = (row.Date as string).split('/');
      return Date.parse(`${year}-${month}-${day}T00:00:00Z`);
    },
  },
  GET_FBA_REIMBURSEMENTS_DATA: { file: 'reimbursements.tsv', dateOf: (row) => iso(row, 'approval-date') },
  GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { file: 'customer-returns.tsv', dateOf: (row) => iso(row, 'return-date') },
};

interface MadeReport {
  reportId: string;
  reportType: string;
  createdTime: string;
  dataStartTime?: string;
  dataEndTime?: string;
  polls: number;
  documentId: string;
}

interface Document {
  bytes: Buffer;
  contentType: string;
}

export interface SettlementReport {
  reportId: string;
  createdTime: string;
  text: string;
}

export interface RefundEvent {
  AmazonOrderId: string;
  PostedDate: string;
  MarketplaceName?: string;
  ShipmentItemAdjustmentList: Array<{
    SellerSKU: string;
    OrderAdjustmentItemId?: string;
    QuantityShipped?: number;
    ItemChargeAdjustmentList: Array<{
      ChargeType: string;
      ChargeAmount: { CurrencyCode: string; CurrencyAmount: number };
    }>;
  }>;
}

function tsvRows(text: string): { header: string; rows: Array<{ line: string; fields: Record<string, string> }> } {
  const [header, ...lines] = text
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => line.length > 0);
  const names = (header as string).split('\t');
  return {
    header: header as string,
    rows: lines.map((line) => {
      const values = line.split('\t');
      return { line, fields: Object.fromEntries(names.map((name, index) => [name, values[index] ?? ''])) };
    }),
  };
}

/** An inbound shipments file (REPORTS.md section 5) as Fulfillment Inbound v0 knows it: shipments, and their items. */
function inboundShipments(text: string) {
  const { rows } = tsvRows(text);
  const shipments = new Map<
    string,
    { data: Record<string, unknown>; items: Record<string, unknown>[]; updated: number }
  >();
  for (const { fields } of rows) {
    const id = fields.ShipmentId as string;
    let shipment = shipments.get(id);
    if (!shipment) {
      shipment = {
        data: {
          ShipmentId: id,
          ShipmentName: fields.ShipmentName,
          ShipFromAddress: { Name: 'Sample Seller', AddressLine1: '1 Main St', City: 'Phoenix', CountryCode: 'US' },
          DestinationFulfillmentCenterId: fields.DestinationFulfillmentCenterId,
          ShipmentStatus: fields.ShipmentStatus,
          LabelPrepType: 'SELLER_LABEL',
          AreCasesRequired: false,
        },
        items: [],
        updated: Date.parse(fields.ClosedDate ? `${fields.ClosedDate}T00:00:00Z` : '2025-06-01T00:00:00Z'),
      };
      shipments.set(id, shipment);
    }
    shipment.items.push({
      ShipmentId: id,
      SellerSKU: fields.SellerSKU,
      FulfillmentNetworkSKU: fields.FulfillmentNetworkSKU,
      QuantityShipped: Number(fields.QuantityShipped),
      QuantityReceived: Number(fields.QuantityReceived),
      QuantityInCase: 0,
    });
  }
  return shipments;
}

export class FakeSellingPartnerApi {
  readonly clientId = `amzn1.application-oa2-client.${randomBytes(16).toString('hex')}`;
  readonly clientSecret = `amzn1.oa2-cs.v1.${randomBytes(32).toString('hex')}`;
  refreshToken = `Atzr|${randomBytes(48).toString('base64url')}`;
  /** Every access token handed out: none may appear in a log line or a response of Reclaim. */
  readonly accessTokens: string[] = [];
  /** The signatures of the document URLs handed out: pre-signed URLs are credentials too. */
  readonly signatures: string[] = [];
  readonly calls: FakeCall[] = [];
  url = '';
  /** How many times getReport answers IN_PROGRESS before DONE, per report type. */
  inProgressPolls: Record<string, number> = {};
  /** Report types held IN_PROGRESS until released. */
  readonly held = new Set<string>();
  settlementReports: SettlementReport[] = [
    {
      reportId: '50001018001',
      createdTime: '2025-06-14T06:00:00Z',
      text: readFileSync(path.join(SAMPLES, 'settlement.tsv'), 'utf8'),
    },
  ];
  refundEvents: RefundEvent[] = [];
  /**
   * The rate (requests per second) each operation's x-amzn-RateLimit-Limit header grants, where it differs from
   * the model's default: Amazon grants some applications more.
   */
  grantedRates: Record<string, number> = {};
  /** Entries per page of every paged list: one, so that the tests follow every next token; more in benchmarks. */
  pageSize = 1;
  /** Charset per requestable report type (Content-Type of its document). */
  charsets: Record<string, string> = {};
  /** Text per requestable report type, instead of its sample file. */
  texts: Record<string, string> = {};
  private readonly expiredRefreshTokens = new Set<string>();
  private readonly throttles = new Map<string, number[]>();
  private readonly reports = new Map<string, MadeReport>();
  private readonly documents = new Map<string, Document>();
  private readonly shipments: ReturnType<typeof inboundShipments>;
  private server?: Server;
  private next = 1000;

  /** Serves the sample files, or the inbound shipments file given (a benchmark's generated seller). */
  constructor(inboundText = readFileSync(path.join(SAMPLES, 'inbound-shipments.tsv'), 'utf8')) {
    this.shipments = inboundShipments(inboundText);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ code: 'InternalFailure', message: error.message }] }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close() {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** The next `times` calls of the operation answer 429 with Retry-After: `seconds`. */
  throttle(operation: string, seconds: number, times = 1) {
    this.throttles.set(operation, [...(this.throttles.get(operation) ?? []), ...Array(times).fill(seconds)]);
  }

  /** The refresh token expires (or the seller revoked the authorisation): Login with Amazon answers invalid_grant. */
  expire(refreshToken = this.refreshToken) {
    this.expiredRefreshTokens.add(refreshToken);
  }

  /** The seller authorises the application again: a new refresh token. */
  reauthorise(): string {
    this.refreshToken = `Atzr|${randomBytes(48).toString('base64url')}`;
    return this.refreshToken;
  }

  callsOf(operation: string, status?: number) {
    return this.calls.filter(
      (call) => call.operation === operation && (status === undefined || call.status === status),
    );
  }

  /** The environment that points a Reclaim process at this fake. */
  env(): Record<string, string> {
    return { RECLAIM_LWA_URL: `${this.url}/auth/o2/token`, RECLAIM_SPAPI_URL: this.url };
  }

  private id() {
    return String(this.next++);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const query = Object.fromEntries(url.searchParams);
    const send = (operation: string, status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.calls.push({ operation, at: Date.now(), status, query, body: raw ? safeJson(raw) : undefined });
      const granted = this.grantedRates[operation];
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-amzn-requestid': randomBytes(8).toString('hex'),
        ...(granted ? { 'x-amzn-ratelimit-limit': String(granted) } : {}),
        ...headers,
      });
      res.end(JSON.stringify(body));
    };

    if (req.method === 'POST' && url.pathname === '/auth/o2/token') {
      const form = new URLSearchParams(raw);
      const token = form.get('refresh_token') ?? '';
      if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
        return send('lwa', 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
      }
      if (
        form.get('grant_type') !== 'refresh_token' ||
        token !== this.refreshToken ||
        this.expiredRefreshTokens.has(token)
      ) {
        return send('lwa', 400, {
          error: 'invalid_grant',
          error_description: 'The request has an invalid grant parameter : refresh_token',
        });
      }
      const accessToken = `Atza|${randomBytes(48).toString('base64url')}`;
      this.accessTokens.push(accessToken);
      return send('lwa', 200, {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: token,
      });
    }

    if (req.method === 'GET' && url.pathname.startsWith('/documents/')) {
      const document = this.documents.get(url.pathname.slice('/documents/'.length));
      if (!document || !this.signatures.includes(url.searchParams.get('X-Amz-Signature') ?? '')) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<Error><Code>AccessDenied</Code></Error>');
        return;
      }
      this.calls.push({ operation: 'downloadDocument', at: Date.now(), status: 200, query: {} });
      res.writeHead(200, { 'content-type': document.contentType });
      res.end(document.bytes);
      return;
    }

    const operation = operationOf(req.method ?? 'GET', url.pathname);
    if (!operation) return send('unknown', 404, { errors: [{ code: 'NotFound', message: 'Resource not found' }] });
    if (!this.accessTokens.includes(req.headers['x-amz-access-token'] as string)) {
      return send(operation.name, 403, {
        errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }],
      });
    }
    const throttled = this.throttles.get(operation.name);
    if (throttled && throttled.length > 0) {
      const seconds = throttled.shift() as number;
      return send(
        operation.name,
        429,
        { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] },
        { 'retry-after': String(seconds) },
      );
    }
    const body = raw ? (safeJson(raw) as Record<string, unknown>) : {};
    switch (operation.name) {
      case 'createReport': {
        const reportType = body.reportType as string;
        if (!REQUESTABLE[reportType]) {
          return send('createReport', 400, {
            errors: [{ code: 'InvalidInput', message: `Invalid reportType ${reportType}` }],
          });
        }
        const report: MadeReport = {
          reportId: this.id(),
          reportType,
          createdTime: new Date().toISOString(),
          dataStartTime: body.dataStartTime as string | undefined,
          dataEndTime: body.dataEndTime as string | undefined,
          polls: 0,
          documentId: `amzn1.spdoc.1.4.na.${randomBytes(8).toString('hex')}`,
        };
        this.reports.set(report.reportId, report);
        return send('createReport', 202, { reportId: report.reportId });
      }
      case 'getReport': {
        const report = this.reports.get(operation.id as string);
        if (!report) return send('getReport', 404, { errors: [{ code: 'NotFound', message: 'Report not found' }] });
        report.polls += 1;
        const waiting =
          this.held.has(report.reportType) || report.polls <= (this.inProgressPolls[report.reportType] ?? 0);
        if (!waiting && !this.documents.has(report.documentId)) this.makeDocument(report);
        return send('getReport', 200, {
          reportId: report.reportId,
          reportType: report.reportType,
          marketplaceIds: [MARKETPLACE_US],
          dataStartTime: report.dataStartTime,
          dataEndTime: report.dataEndTime,
          createdTime: report.createdTime,
          processingStatus: waiting ? (report.polls === 1 ? 'IN_QUEUE' : 'IN_PROGRESS') : 'DONE',
          ...(waiting
            ? {}
            : {
                processingStartTime: report.createdTime,
                processingEndTime: new Date().toISOString(),
                reportDocumentId: report.documentId,
              }),
        });
      }
      case 'getReports': {
        const { params, offset } = pageOf(query, 'nextToken');
        const types = (params.reportTypes ?? '').split(',');
        const since = Date.parse(params.createdSince ?? '1970-01-01T00:00:00Z');
        const settlements = types.includes('GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2') ? this.settlementReports : [];
        const listed = settlements
          .filter((report) => Date.parse(report.createdTime) >= since)
          .map((report) => {
            const documentId = `amzn1.spdoc.1.4.na.settlement-${report.reportId}`;
            if (!this.documents.has(documentId)) this.storeDocument(documentId, report.text, undefined);
            return {
              reportId: report.reportId,
              reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
              marketplaceIds: [MARKETPLACE_US],
              createdTime: report.createdTime,
              processingStatus: 'DONE',
              reportDocumentId: documentId,
            };
          });
        // Small pages (one entry in the tests): the client must follow nextToken.
        return send('getReports', 200, {
          reports: listed.slice(offset, offset + this.pageSize),
          ...(offset + this.pageSize < listed.length ? { nextToken: tokenOf(params, offset + this.pageSize) } : {}),
        });
      }
      case 'getReportDocument': {
        const documentId = operation.id as string;
        if (!this.documents.has(documentId)) {
          return send('getReportDocument', 404, { errors: [{ code: 'NotFound', message: 'Document not found' }] });
        }
        const signature = randomBytes(32).toString('hex');
        this.signatures.push(signature);
        return send('getReportDocument', 200, {
          reportDocumentId: documentId,
          url: `${this.url}/documents/${documentId}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=${signature}`,
          compressionAlgorithm: 'GZIP',
        });
      }
      case 'getShipments': {
        if (query.MarketplaceId !== MARKETPLACE_US) {
          return send('getShipments', 400, {
            errors: [{ code: 'InvalidInput', message: 'MarketplaceId is required' }],
          });
        }
        const { params, offset } = pageOf(query, query.QueryType === 'NEXT_TOKEN' ? 'NextToken' : 'none');
        const after = Date.parse(params.LastUpdatedAfter ?? '1970-01-01T00:00:00Z');
        const before = Date.parse(params.LastUpdatedBefore ?? '2100-01-01T00:00:00Z');
        const all = [...this.shipments.values()].filter(
          (shipment) => shipment.updated >= after && shipment.updated <= before,
        );
        // The next page by NEXT_TOKEN, as Amazon pages.
        return send('getShipments', 200, {
          payload: {
            ShipmentData: all.slice(offset, offset + this.pageSize).map((shipment) => shipment.data),
            ...(offset + this.pageSize < all.length ? { NextToken: tokenOf(params, offset + this.pageSize) } : {}),
          },
        });
      }
      case 'getShipmentItems': {
        if (query.MarketplaceId !== MARKETPLACE_US) {
          return send('getShipmentItems', 400, {
            errors: [{ code: 'InvalidInput', message: 'MarketplaceId is required' }],
          });
        }
        const { params, offset } = pageOf(query, query.QueryType === 'NEXT_TOKEN' ? 'NextToken' : 'none');
        const after = Date.parse(params.LastUpdatedAfter ?? '1970-01-01T00:00:00Z');
        const before = Date.parse(params.LastUpdatedBefore ?? '2100-01-01T00:00:00Z');
        const items = [...this.shipments.values()]
          .filter((shipment) => shipment.updated >= after && shipment.updated <= before)
          .flatMap((shipment) => shipment.items);
        return send('getShipmentItems', 200, {
          payload: {
            ItemData: items.slice(offset, offset + this.pageSize),
            ...(offset + this.pageSize < items.length ? { NextToken: tokenOf(params, offset + this.pageSize) } : {}),
          },
        });
      }
      case 'getShipmentItemsByShipmentId': {
        const shipment = this.shipments.get(operation.id as string);
        return send('getShipmentItemsByShipmentId', 200, { payload: { ItemData: shipment?.items ?? [] } });
      }
      case 'listFinancialEvents': {
        const { params, offset } = pageOf(query, 'NextToken');
        const after = Date.parse(params.PostedAfter ?? '1970-01-01T00:00:00Z');
        const before = Date.parse(params.PostedBefore ?? '2100-01-01T00:00:00Z');
        const events = this.refundEvents.filter((event) => {
          const posted = Date.parse(event.PostedDate);
          return posted >= after && posted < before;
        });
        return send('listFinancialEvents', 200, {
          payload: {
            FinancialEvents: {
              ShipmentEventList: [],
              RefundEventList: events.slice(offset, offset + this.pageSize),
              ServiceFeeEventList: [],
            },
            ...(offset + this.pageSize < events.length ? { NextToken: tokenOf(params, offset + this.pageSize) } : {}),
          },
        });
      }
    }
  }

  private makeDocument(report: MadeReport) {
    const source = REQUESTABLE[report.reportType] as RequestableReport;
    const { header, rows } = tsvRows(
      this.texts[report.reportType] ?? readFileSync(path.join(SAMPLES, source.file), 'utf8'),
    );
    const start = report.dataStartTime ? Date.parse(report.dataStartTime) : -Infinity;
    const end = report.dataEndTime ? Date.parse(report.dataEndTime) : Infinity;
    const kept = rows.filter((row) => {
      const at = source.dateOf(row.fields);
      return at >= start && at <= end;
    });
    this.storeDocument(
      report.documentId,
      `${[header, ...kept.map((row) => row.line)].join('\n')}\n`,
      this.charsets[report.reportType],
    );
  }

  private storeDocument(documentId: string, text: string, charset: string | undefined) {
    const bytes = charset ? iconv.encode(text, charset) : Buffer.from(text, 'utf8');
    this.documents.set(documentId, {
      bytes: gzipSync(bytes),
      contentType: `text/plain;charset=${charset ?? 'UTF-8'}`,
    });
  }
}

/** A next token carries the query it continues, as Amazon's do: the client sends the token alone. */
function tokenOf(params: Record<string, string>, offset: number): string {
  return Buffer.from(JSON.stringify({ params, offset })).toString('base64url');
}

function pageOf(query: Record<string, string>, tokenName: string): { params: Record<string, string>; offset: number } {
  const token = query[tokenName];
  if (!token) return { params: query, offset: 0 };
  return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function operationOf(method: string, pathname: string): { name: string; id?: string } | undefined {
  const routes: Array<[string, RegExp, string]> = [
    ['POST', /^\/reports\/2021-06-30\/reports$/, 'createReport'],
    ['GET', /^\/reports\/2021-06-30\/reports$/, 'getReports'],
    ['GET', /^\/reports\/2021-06-30\/reports\/([^/]+)$/, 'getReport'],
    ['GET', /^\/reports\/2021-06-30\/documents\/([^/]+)$/, 'getReportDocument'],
    ['GET', /^\/fba\/inbound\/v0\/shipments$/, 'getShipments'],
    ['GET', /^\/fba\/inbound\/v0\/shipments\/([^/]+)\/items$/, 'getShipmentItemsByShipmentId'],
    ['GET', /^\/fba\/inbound\/v0\/shipmentItems$/, 'getShipmentItems'],
    ['GET', /^\/finances\/v0\/financialEvents$/, 'listFinancialEvents'],
  ];
  for (const [routeMethod, pattern, name] of routes) {
    const match = method === routeMethod ? pathname.match(pattern) : null;
    if (match) return { name, id: match[1] ? decodeURIComponent(match[1]) : undefined };
  }
  return undefined;
}
