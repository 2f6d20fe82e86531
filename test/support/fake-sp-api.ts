// A fake of Amazon's Selling Partner API and Login with Amazon on 127.0.0.1 that refuses what Amazon refuses. Every
// request is checked against Amazon's published models (test/fixtures/sp-api-models: paths, methods, required and
// typed parameters, bodies; parameters the model does not have or marks deprecated), and the documented rules the
// models cannot express are enforced, each beside its source. Every answer is checked against the model's response
// schema too: an answer of the fake that Amazon's model would not allow is a fault of the fake (`faults`), answered
// 500. It serves the sample files: reports made on request (the removal reports too; CANCELLED when their window holds no data, FATAL on
// demand), held IN_PROGRESS for a while, their documents gzip-compressed or not behind pre-signed-looking URLs;
// inbound shipments whose headers and items change separately; Finances transactions; pages with next tokens; 429s
// without Retry-After (Amazon sends none); access and refresh tokens that expire.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { SAMPLES } from './server.js';
import { type MatchedOperation, SpApiModels } from './sp-api-models.js';

export const MARKETPLACE_US = 'ATVPDKIKX0DER';

export interface FakeCall {
  operation: string;
  path: string;
  at: number;
  status: number;
  query: Record<string, string>;
  body?: unknown;
  /** Why the fake refused the request (400), as Amazon's error message would say. */
  refusal?: string;
}

/** A report Amazon makes on request: a sample file, filtered by the window asked for through its date column. */
interface RequestableReport {
  file: string;
  /** The row's instant, from its fields (the header's names). */
  dateOf(row: Record<string, string>): number;
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
  // Both removal reports select their rows by the order's request date, whatever happened to it since
  // (selling-partner-api-models issue #2538).
  GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA: {
    file: 'removal-orders.tsv',
    dateOf: (row) => iso(row, 'request-date'),
  },
  GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA: {
    file: 'removal-shipments.tsv',
    dateOf: (row) => iso(row, 'request-date'),
  },
};

interface MadeReport {
  reportId: string;
  reportType: string;
  createdTime: string;
  dataStartTime?: string;
  dataEndTime?: string;
  polls: number;
  /** Looks that answer IN_QUEUE or IN_PROGRESS. */
  waitPolls: number;
  documentId: string;
  /** Decided when the report is made: DONE with a document, CANCELLED (no data in its window) or FATAL. */
  outcome?: 'DONE' | 'CANCELLED' | 'FATAL';
}

interface Document {
  bytes: Buffer;
  contentType: string;
  compressed: boolean;
}

export interface SettlementReport {
  reportId: string;
  createdTime: string;
  text: string;
}

type Json = Record<string, unknown>;

interface FakeShipment {
  data: Json;
  /** When the shipment's header last changed: what getShipments DATE_RANGE selects by. */
  updated: number;
  /** Its items by SKU, each with when it last changed: what getShipmentItems DATE_RANGE selects by. */
  items: Map<string, { item: Json; updated: number }>;
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

/** An inbound shipments file (docs/reports.md section 5) as Fulfillment Inbound v0 knows it: shipments, and their items. */
function inboundShipments(text: string): Map<string, FakeShipment> {
  const { rows } = tsvRows(text);
  const shipments = new Map<string, FakeShipment>();
  for (const { fields } of rows) {
    const id = fields.ShipmentId as string;
    let shipment = shipments.get(id);
    if (!shipment) {
      shipment = {
        data: {
          ShipmentId: id,
          ShipmentName: fields.ShipmentName,
          ShipFromAddress: {
            Name: 'Sample Seller',
            AddressLine1: '1 Main St',
            City: 'Phoenix',
            StateOrProvinceCode: 'AZ',
            PostalCode: '85001',
            CountryCode: 'US',
          },
          DestinationFulfillmentCenterId: fields.DestinationFulfillmentCenterId,
          ShipmentStatus: fields.ShipmentStatus,
          LabelPrepType: 'SELLER_LABEL',
          AreCasesRequired: false,
        },
        items: new Map(),
        updated: Date.parse(fields.ClosedDate ? `${fields.ClosedDate}T00:00:00Z` : '2025-06-01T00:00:00Z'),
      };
      shipments.set(id, shipment);
    }
    shipment.items.set(fields.SellerSKU as string, {
      item: {
        ShipmentId: id,
        SellerSKU: fields.SellerSKU,
        FulfillmentNetworkSKU: fields.FulfillmentNetworkSKU,
        QuantityShipped: Number(fields.QuantityShipped),
        QuantityReceived: Number(fields.QuantityReceived),
        QuantityInCase: 0,
      },
      updated: shipment.updated,
    });
  }
  return shipments;
}

const money = (amount: number, currency: string) => ({ currencyCode: currency, currencyAmount: amount });

export interface TransactionInput {
  orderId: string;
  postedDate: string;
  sku: string;
  quantity?: number;
  /** The item's principal: negative for a refund. */
  principal: number;
  /** Amazon's fees of the item by name (Commission, FBAPerUnitFulfillmentFee, RefundCommission…), signed. */
  fees?: Record<string, number>;
  currency?: string;
  fulfillmentNetwork?: 'AFN' | 'MFN';
  status?: 'RELEASED' | 'DEFERRED' | 'DEFERRED_RELEASED';
  /** Further related identifiers, such as DEFERRED_TRANSACTION_ID on the release of a deferred transaction. */
  related?: Record<string, string>;
  adjustmentItemId?: string;
}

/**
 * A Finances 2024-06-19 transaction as listTransactions gives it: the order and its item, the item's principal under
 * ProductCharges and its fees under AmazonFees (the shape sellers' tools read from live accounts, e.g.
 * amzn/selling-partner-api-models issue #4993: item breakdowns and a ProductContext with sku and quantityShipped).
 */
function transaction(type: 'Refund' | 'Shipment', input: TransactionInput): Json {
  const currency = input.currency ?? 'USD';
  const fees = Object.entries(input.fees ?? {});
  const feeTotal = fees.reduce((sum, [, amount]) => sum + amount, 0);
  const total = Math.round((input.principal + feeTotal) * 100) / 100;
  return {
    sellingPartnerMetadata: {
      sellingPartnerId: 'A3TH9S8BH6GOGM',
      accountType: 'PAYABLE',
      marketplaceId: MARKETPLACE_US,
    },
    relatedIdentifiers: [
      { relatedIdentifierName: 'ORDER_ID', relatedIdentifierValue: input.orderId },
      ...Object.entries(input.related ?? {}).map(([name, value]) => ({
        relatedIdentifierName: name,
        relatedIdentifierValue: value,
      })),
    ],
    transactionType: type,
    transactionId: randomBytes(16).toString('base64url'),
    transactionStatus: input.status ?? 'RELEASED',
    description: type === 'Refund' ? 'Refund Order' : 'Order Payment',
    postedDate: input.postedDate,
    totalAmount: money(total, currency),
    marketplaceDetails: { marketplaceId: MARKETPLACE_US, marketplaceName: 'Amazon.com' },
    items: [
      {
        description: `Item ${input.sku}`,
        totalAmount: money(total, currency),
        ...(input.adjustmentItemId
          ? {
              relatedIdentifiers: [
                {
                  itemRelatedIdentifierName: 'ORDER_ADJUSTMENT_ITEM_ID',
                  itemRelatedIdentifierValue: input.adjustmentItemId,
                },
              ],
            }
          : {}),
        breakdowns: [
          {
            breakdownType: 'ProductCharges',
            breakdownAmount: money(input.principal, currency),
            breakdowns: [
              { breakdownType: 'OurPricePrincipal', breakdownAmount: money(input.principal, currency), breakdowns: [] },
            ],
          },
          ...(fees.length > 0
            ? [
                {
                  breakdownType: 'AmazonFees',
                  breakdownAmount: money(feeTotal, currency),
                  breakdowns: fees.map(([name, amount]) => ({
                    breakdownType: name,
                    breakdownAmount: money(amount, currency),
                    breakdowns: [],
                  })),
                },
              ]
            : []),
        ],
        contexts: [
          {
            contextType: 'ProductContext',
            sku: input.sku,
            asin: 'B000000000',
            quantityShipped: input.quantity ?? 1,
            ...(input.fulfillmentNetwork ? { fulfillmentNetwork: input.fulfillmentNetwork } : {}),
          },
        ],
      },
    ],
    breakdowns: [],
  };
}

export const refundTransaction = (input: TransactionInput) => transaction('Refund', input);
export const saleTransaction = (input: TransactionInput) => transaction('Shipment', input);

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const models = new SpApiModels();

export class FakeSellingPartnerApi {
  readonly clientId = `amzn1.application-oa2-client.${randomBytes(16).toString('hex')}`;
  readonly clientSecret = `amzn1.oa2-cs.v1.${randomBytes(32).toString('hex')}`;
  refreshToken = `Atzr|${randomBytes(48).toString('base64url')}`;
  /** Every access token handed out: none may appear in a log line or a response of Reclaim. */
  readonly accessTokens: string[] = [];
  /** The signatures of the document URLs handed out: pre-signed URLs are credentials too. */
  readonly signatures: string[] = [];
  readonly calls: FakeCall[] = [];
  /** Answers of the fake that its model does not allow: a test that ends with one has tested a fiction. */
  readonly faults: string[] = [];
  url = '';
  /** How many looks at the next report made of a type answer IN_QUEUE or IN_PROGRESS before it is done. */
  inProgressPolls: Record<string, number> = {};
  /** Report types held IN_PROGRESS until released. */
  readonly held = new Set<string>();
  /** Report types Amazon fails to make (processing status FATAL). */
  readonly fatal = new Set<string>();
  /** Report types whose documents come without compression (no compressionAlgorithm). */
  readonly uncompressed = new Set<string>();
  settlementReports: SettlementReport[] = [
    {
      reportId: '50001018001',
      createdTime: '2025-06-14T06:00:00Z',
      text: readFileSync(path.join(SAMPLES, 'settlement.tsv'), 'utf8'),
    },
  ];
  /** Finances 2024-06-19 transactions (refundTransaction, saleTransaction). */
  transactions: Json[] = [];
  /**
   * The rate (requests per second) each operation's x-amzn-RateLimit-Limit header grants, where it differs from
   * the model's default: Amazon grants some applications more.
   */
  grantedRates: Record<string, number> = {};
  /** Entries per page of every paged list: one, so that the tests follow every next token; more in benchmarks. */
  pageSize = 1;
  /** Answers 500 (Amazon failing) to the calls this picks, by operation and query. */
  failing?: (operation: string, query: Record<string, string>) => boolean;
  /** Awaited before Login with Amazon answers: a test holds a sync at its first step until it is ready. */
  beforeLogin?: () => Promise<void>;
  /** Charset per requestable report type (Content-Type of its document). */
  charsets: Record<string, string> = {};
  /** Text per requestable report type, instead of its sample file. */
  texts: Record<string, string> = {};
  private readonly expiredRefreshTokens = new Set<string>();
  private readonly expiredAccessTokens = new Set<string>();
  private readonly expiringAt = new Set<string>();
  private readonly throttles = new Map<string, number>();
  private readonly reports = new Map<string, MadeReport>();
  private readonly documents = new Map<string, Document>();
  private readonly datedRows = new Map<string, { header: string; rows: Array<{ line: string; at: number }> }>();
  private readonly shipments: Map<string, FakeShipment>;
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

  /**
   * The next `times` calls of the operation answer 429. Amazon sends no Retry-After with them: the client waits for
   * its usage plan to give a token again.
   */
  throttle(operation: string, times = 1) {
    this.throttles.set(operation, (this.throttles.get(operation) ?? 0) + times);
  }

  /** The refresh token expires (or the seller revoked the authorisation): Login with Amazon answers invalid_grant. */
  expire(refreshToken = this.refreshToken) {
    this.expiredRefreshTokens.add(refreshToken);
  }

  /**
   * The access token of the next call of the operation has expired before its hour is over (a clock skew on either
   * side): that call answers 403, the reason in its details.
   */
  expireAccessTokenAt(operation: string) {
    this.expiringAt.add(operation);
  }

  /** The seller authorises the application again: a new refresh token. */
  reauthorise(): string {
    this.refreshToken = `Atzr|${randomBytes(48).toString('base64url')}`;
    return this.refreshToken;
  }

  /** A change to a shipment's header at `at` (its status, say): getShipments by date range finds it then. */
  updateShipment(shipmentId: string, changes: Json, at: string) {
    const shipment = this.shipments.get(shipmentId);
    if (!shipment) throw new Error(`no shipment ${shipmentId}`);
    Object.assign(shipment.data, changes);
    shipment.updated = Date.parse(at);
  }

  /**
   * A change to one item at `at` (units received): only getShipmentItems by date range sees it, since getShipments
   * by date range does not return a shipment whose only change is quantities (selling-partner-api-docs issue #3152).
   */
  updateItem(shipmentId: string, sku: string, changes: Json, at: string) {
    const entry = this.shipments.get(shipmentId)?.items.get(sku);
    if (!entry) throw new Error(`no item ${sku} in ${shipmentId}`);
    Object.assign(entry.item, changes);
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete entry.item[key];
    entry.updated = Date.parse(at);
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
    const reply = (
      call: Omit<FakeCall, 'at' | 'path' | 'query' | 'body'>,
      body: unknown,
      headers: Record<string, string>,
    ) => {
      this.calls.push({ ...call, path: url.pathname, at: Date.now(), query, body: raw ? safeJson(raw) : undefined });
      const granted = this.grantedRates[call.operation];
      res.writeHead(call.status, {
        'content-type': 'application/json',
        'x-amzn-requestid': randomBytes(8).toString('hex'),
        ...(granted ? { 'x-amzn-ratelimit-limit': String(granted) } : {}),
        ...headers,
      });
      res.end(JSON.stringify(body));
    };

    if (req.method === 'POST' && url.pathname === '/auth/o2/token') {
      await this.beforeLogin?.();
      const send = (status: number, body: unknown) => reply({ operation: 'lwa', status }, body, {});
      const form = new URLSearchParams(raw);
      const token = form.get('refresh_token') ?? '';
      if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
        return send(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
      }
      if (
        form.get('grant_type') !== 'refresh_token' ||
        token !== this.refreshToken ||
        this.expiredRefreshTokens.has(token)
      ) {
        return send(400, {
          error: 'invalid_grant',
          error_description: 'The request has an invalid grant parameter : refresh_token',
        });
      }
      const accessToken = `Atza|${randomBytes(48).toString('base64url')}`;
      this.accessTokens.push(accessToken);
      return send(200, { access_token: accessToken, token_type: 'bearer', expires_in: 3600, refresh_token: token });
    }

    if (req.method === 'GET' && url.pathname.startsWith('/documents/')) {
      const document = this.documents.get(url.pathname.slice('/documents/'.length));
      if (!document || !this.signatures.includes(url.searchParams.get('X-Amz-Signature') ?? '')) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<Error><Code>AccessDenied</Code></Error>');
        return;
      }
      this.calls.push({ operation: 'downloadDocument', path: url.pathname, at: Date.now(), status: 200, query: {} });
      res.writeHead(200, { 'content-type': document.contentType });
      res.end(document.bytes);
      return;
    }

    const matched = models.match(req.method ?? 'GET', url.pathname);
    if ('missing' in matched) {
      return reply(
        { operation: 'unknown', status: 404 },
        { errors: [{ code: 'NotFound', message: `Resource not found (no ${matched.missing} in Amazon's models)` }] },
        {},
      );
    }
    // Every answer is held to the model's schema for its status.
    const send = (status: number, body: unknown, refusal?: string) => {
      const faults = models.checkResponse(matched, status, body);
      if (faults.length > 0) {
        this.faults.push(...faults);
        return reply(
          { operation: matched.name, status: 500 },
          { errors: [{ code: 'InternalFailure', message: 'the fake answered off the model' }] },
          {},
        );
      }
      return reply({ operation: matched.name, status, refusal }, body, {});
    };
    const refuse = (message: string) =>
      send(400, { errors: [{ code: 'InvalidInput', message, details: '' }] }, message);

    const accessToken = req.headers['x-amz-access-token'] as string;
    if (this.expiringAt.delete(matched.name)) this.expiredAccessTokens.add(accessToken);
    if (!this.accessTokens.includes(accessToken) || this.expiredAccessTokens.has(accessToken)) {
      // The reason is in `details` (selling-partner-api-docs issue #2147 shows Amazon's 403 bodies).
      return send(403, {
        errors: [
          {
            code: 'Unauthorized',
            message: 'Access to requested resource is denied.',
            details: this.expiredAccessTokens.has(accessToken)
              ? 'The access token you provided has expired.'
              : 'The access token you provided is revoked, malformed or invalid.',
          },
        ],
      });
    }
    const throttled = this.throttles.get(matched.name) ?? 0;
    if (throttled > 0) {
      this.throttles.set(matched.name, throttled - 1);
      return send(429, {
        errors: [
          { code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' },
        ],
      });
    }
    if (this.failing?.(matched.name, query)) {
      return send(500, { errors: [{ code: 'InternalFailure', message: 'We encountered an internal error.' }] });
    }
    const body = raw ? safeJson(raw) : undefined;
    const problems = models.checkRequest(matched, url.searchParams, body);
    if (problems.length > 0) return refuse(problems.join('; '));
    const answer = this.answer(matched, query, (body ?? {}) as Json);
    return 'refusal' in answer ? refuse(answer.refusal) : send(answer.status, answer.body);
  }

  /** The answer to a request the model allows, or the refusal of a documented rule the model cannot express. */
  private answer(
    operation: MatchedOperation,
    query: Record<string, string>,
    body: Json,
  ): { status: number; body: unknown } | { refusal: string } {
    const ok = (answer: unknown, status = 200) => ({ status, body: answer });
    switch (operation.name) {
      case 'createReport': {
        const reportType = body.reportType as string;
        if (!REQUESTABLE[reportType]) return { refusal: `Invalid reportType ${reportType}` };
        // reports_2021-06-30.json, dataStartTime and dataEndTime: "The value must be prior to or equal to the
        // current date and time."
        for (const name of ['dataStartTime', 'dataEndTime']) {
          if (body[name] && Date.parse(body[name] as string) > Date.now()) {
            return { refusal: `${name} must be prior to or equal to the current date and time` };
          }
        }
        const report: MadeReport = {
          reportId: this.id(),
          reportType,
          createdTime: new Date().toISOString(),
          dataStartTime: body.dataStartTime as string | undefined,
          dataEndTime: body.dataEndTime as string | undefined,
          polls: 0,
          waitPolls: this.inProgressPolls[reportType] ?? 0,
          documentId: `amzn1.spdoc.1.4.na.${randomBytes(8).toString('hex')}`,
        };
        delete this.inProgressPolls[reportType];
        this.reports.set(report.reportId, report);
        return ok({ reportId: report.reportId }, 202);
      }
      case 'getReport': {
        const report = this.reports.get(operation.pathParams.reportId as string);
        if (!report) return ok({ errors: [{ code: 'NotFound', message: 'Report not found' }] }, 404);
        report.polls += 1;
        const waiting = this.held.has(report.reportType) || report.polls <= report.waitPolls;
        if (!waiting && !report.outcome) report.outcome = this.makeDocument(report);
        const status = waiting ? (report.polls === 1 ? 'IN_QUEUE' : 'IN_PROGRESS') : report.outcome;
        return ok({
          reportId: report.reportId,
          reportType: report.reportType,
          marketplaceIds: [MARKETPLACE_US],
          ...(report.dataStartTime ? { dataStartTime: report.dataStartTime } : {}),
          ...(report.dataEndTime ? { dataEndTime: report.dataEndTime } : {}),
          createdTime: report.createdTime,
          processingStatus: status,
          ...(waiting ? {} : { processingStartTime: report.createdTime, processingEndTime: new Date().toISOString() }),
          ...(status === 'DONE' ? { reportDocumentId: report.documentId } : {}),
        });
      }
      case 'getReports': {
        // reports_2021-06-30.json, nextToken: "include this token as the only parameter. Specifying nextToken with
        // any other parameters will cause the request to fail."; reportTypes: "Either reportTypes or nextToken is
        // required."
        if (query.nextToken && Object.keys(query).length > 1) {
          return { refusal: 'nextToken must be the only parameter when it is given' };
        }
        if (!query.nextToken && !query.reportTypes) return { refusal: 'Either reportTypes or nextToken is required' };
        const { params, offset } = pageOf(query, 'nextToken');
        const types = (params.reportTypes ?? '').split(',');
        const since = Date.parse(params.createdSince ?? new Date(Date.now() - 90 * DAY_MS).toISOString());
        const settlements = types.includes('GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2') ? this.settlementReports : [];
        const listed = settlements
          .filter((report) => Date.parse(report.createdTime) >= since)
          .map((report) => {
            const documentId = `amzn1.spdoc.1.4.na.settlement-${report.reportId}`;
            if (!this.documents.has(documentId)) {
              this.storeDocument(documentId, report.text, undefined, 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2');
            }
            return {
              reportId: report.reportId,
              reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
              marketplaceIds: [MARKETPLACE_US],
              createdTime: report.createdTime,
              processingStatus: 'DONE',
              reportDocumentId: documentId,
            };
          });
        return ok({
          reports: listed.slice(offset, offset + this.pageSize),
          ...(offset + this.pageSize < listed.length ? { nextToken: tokenOf(params, offset + this.pageSize) } : {}),
        });
      }
      case 'getReportDocument': {
        const documentId = operation.pathParams.reportDocumentId as string;
        const document = this.documents.get(documentId);
        if (!document) return ok({ errors: [{ code: 'NotFound', message: 'Document not found' }] }, 404);
        const signature = randomBytes(32).toString('hex');
        this.signatures.push(signature);
        return ok({
          reportDocumentId: documentId,
          url: `${this.url}/documents/${documentId}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=${signature}`,
          ...(document.compressed ? { compressionAlgorithm: 'GZIP' } : {}),
        });
      }
      case 'getShipments': {
        if (query.MarketplaceId !== MARKETPLACE_US) return { refusal: `Invalid MarketplaceId ${query.MarketplaceId}` };
        if (query.QueryType === 'NEXT_TOKEN') {
          if (!query.NextToken) return { refusal: 'NextToken is required when QueryType is NEXT_TOKEN' };
        } else {
          // The model marks both optional, but Amazon answers a query without either with this 400
          // (selling-partner-api-docs issues #234, #1429 and #3304; selling-partner-api-models issue #2001).
          if (!query.ShipmentStatusList && !query.ShipmentIdList) {
            return { refusal: 'At least one of ShipmentStatusList and ShipmentIdList must be provided' };
          }
          // fulfillmentInboundV0.json, QueryType DATE_RANGE: "by providing the LastUpdatedAfter and
          // LastUpdatedBefore parameters".
          if (query.QueryType === 'DATE_RANGE' && (!query.LastUpdatedAfter || !query.LastUpdatedBefore)) {
            return { refusal: 'LastUpdatedAfter and LastUpdatedBefore are required when QueryType is DATE_RANGE' };
          }
        }
        const { params, offset } = pageOf(query, query.QueryType === 'NEXT_TOKEN' ? 'NextToken' : 'none');
        const statuses = params.ShipmentStatusList?.split(',');
        const ids = params.ShipmentIdList?.split(',');
        const after = Date.parse(params.LastUpdatedAfter ?? '1970-01-01T00:00:00Z');
        const before = Date.parse(params.LastUpdatedBefore ?? '2100-01-01T00:00:00Z');
        const all = [...this.shipments.values()].filter(
          (shipment) =>
            (!statuses || statuses.includes(shipment.data.ShipmentStatus as string)) &&
            (!ids || ids.includes(shipment.data.ShipmentId as string)) &&
            (params.QueryType !== 'DATE_RANGE' || (shipment.updated >= after && shipment.updated <= before)),
        );
        return ok({
          payload: {
            ShipmentData: all.slice(offset, offset + this.pageSize).map((shipment) => shipment.data),
            ...(offset + this.pageSize < all.length ? { NextToken: tokenOf(params, offset + this.pageSize) } : {}),
          },
        });
      }
      case 'getShipmentItems': {
        if (query.MarketplaceId !== MARKETPLACE_US) return { refusal: `Invalid MarketplaceId ${query.MarketplaceId}` };
        if (query.QueryType === 'NEXT_TOKEN' && !query.NextToken) {
          return { refusal: 'NextToken is required when QueryType is NEXT_TOKEN' };
        }
        if (query.QueryType === 'DATE_RANGE' && (!query.LastUpdatedAfter || !query.LastUpdatedBefore)) {
          return { refusal: 'LastUpdatedAfter and LastUpdatedBefore are required when QueryType is DATE_RANGE' };
        }
        const { params, offset } = pageOf(query, query.QueryType === 'NEXT_TOKEN' ? 'NextToken' : 'none');
        const after = Date.parse(params.LastUpdatedAfter as string);
        const before = Date.parse(params.LastUpdatedBefore as string);
        // Items last updated in the window, whatever their shipment's header did.
        const items = [...this.shipments.values()].flatMap((shipment) =>
          [...shipment.items.values()]
            .filter((entry) => entry.updated >= after && entry.updated <= before)
            .map((entry) => entry.item),
        );
        return ok({
          payload: {
            ItemData: items.slice(offset, offset + this.pageSize),
            ...(offset + this.pageSize < items.length ? { NextToken: tokenOf(params, offset + this.pageSize) } : {}),
          },
        });
      }
      case 'getShipmentItemsByShipmentId': {
        const shipment = this.shipments.get(operation.pathParams.shipmentId as string);
        // The model makes ShipmentId optional on an item: these answers leave it out, the shipment is in the path.
        const items = [...(shipment?.items.values() ?? [])].map(({ item: { ShipmentId: _, ...rest } }) => rest);
        return ok({ payload: { ItemData: items } });
      }
      case 'listTransactions':
        return this.listTransactions(query);
    }
    return ok({ errors: [{ code: 'NotFound', message: `${operation.name} is not served by the fake` }] }, 404);
  }

  private listTransactions(query: Record<string, string>): { status: number; body: unknown } | { refusal: string } {
    // finances_2024-06-19.json, nextToken: "call the operation with this token and include the same arguments as
    // the call that produced the token".
    const { params, offset } = pageOf(query, 'nextToken');
    if (query.nextToken) {
      const { nextToken: _, ...rest } = query;
      if (JSON.stringify(sorted(rest)) !== JSON.stringify(sorted(params))) {
        return { refusal: 'nextToken must come with the same arguments as the call that produced it' };
      }
    }
    const byIdentifier = params.relatedIdentifierName && params.relatedIdentifierValue;
    // postedAfter: "This field is required if you do not specify a related identifier."
    if (!params.postedAfter && !byIdentifier) return { refusal: 'postedAfter is required' };
    const now = Date.now();
    // postedAfter: "The date-time must be more than two minutes before the time of the request."; postedBefore:
    // "later than PostedAfter and more than two minutes before the request was submitted … Default: Two minutes
    // before the time of the request."
    const after = params.postedAfter ? Date.parse(params.postedAfter) : -Infinity;
    const before = params.postedBefore ? Date.parse(params.postedBefore) : now - 2 * MINUTE_MS;
    if (after > now - 2 * MINUTE_MS) return { refusal: 'postedAfter must be more than two minutes before now' };
    if (before > now - 2 * MINUTE_MS) return { refusal: 'postedBefore must be more than two minutes before now' };
    if (before <= after) return { refusal: 'postedBefore must be later than postedAfter' };
    // postedBefore: "If PostedAfter and PostedBefore are more than 180 days apart, the response is empty." No
    // error: the refunds of such a window are lost without a word.
    if (before - after > 180 * DAY_MS) return { status: 200, body: { payload: { transactions: [] } } };
    const selected = this.transactions.filter((transaction) => {
      const posted = Date.parse(transaction.postedDate as string);
      const related = (transaction.relatedIdentifiers as Array<Record<string, string>>) ?? [];
      return (
        posted >= after &&
        posted < before &&
        (!params.marketplaceId ||
          (transaction.marketplaceDetails as Record<string, string>).marketplaceId === params.marketplaceId) &&
        (!byIdentifier ||
          related.some(
            (identifier) =>
              identifier.relatedIdentifierName === params.relatedIdentifierName &&
              identifier.relatedIdentifierValue === params.relatedIdentifierValue,
          ))
      );
    });
    return {
      status: 200,
      body: {
        payload: {
          transactions: selected.slice(offset, offset + this.pageSize),
          ...(offset + this.pageSize < selected.length ? { nextToken: tokenOf(params, offset + this.pageSize) } : {}),
        },
      },
    };
  }

  /** Makes a report's document from its sample: DONE, or CANCELLED when its window holds no row (as Amazon does). */
  private makeDocument(report: MadeReport): 'DONE' | 'CANCELLED' | 'FATAL' {
    if (this.fatal.has(report.reportType)) return 'FATAL';
    const source = REQUESTABLE[report.reportType] as RequestableReport;
    const text = this.texts[report.reportType] ?? readFileSync(path.join(SAMPLES, source.file), 'utf8');
    // Each slice of a long window reads the same text: its rows are dated once (a benchmark's are many).
    let dated = this.datedRows.get(text);
    if (!dated) {
      const { header, rows } = tsvRows(text);
      dated = { header, rows: rows.map((row) => ({ line: row.line, at: source.dateOf(row.fields) })) };
      this.datedRows.set(text, dated);
    }
    const { header } = dated;
    const start = report.dataStartTime ? Date.parse(report.dataStartTime) : -Infinity;
    const end = report.dataEndTime ? Date.parse(report.dataEndTime) : Infinity;
    const kept = dated.rows.filter((row) => row.at >= start && row.at <= end);
    // reports_2021-06-30.json, CANCELLED: "an automatic cancellation if there is no data to return".
    if (kept.length === 0) return 'CANCELLED';
    this.storeDocument(
      report.documentId,
      `${[header, ...kept.map((row) => row.line)].join('\n')}\n`,
      this.charsets[report.reportType],
      report.reportType,
    );
    return 'DONE';
  }

  private storeDocument(documentId: string, text: string, charset: string | undefined, reportType: string) {
    const bytes = charset ? iconv.encode(text, charset) : Buffer.from(text, 'utf8');
    const compressed = !this.uncompressed.has(reportType);
    this.documents.set(documentId, {
      bytes: compressed ? gzipSync(bytes) : bytes,
      contentType: `text/plain;charset=${charset ?? 'UTF-8'}`,
      compressed,
    });
  }
}

const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort());

/** A next token carries the query it continues, as Amazon's do. */
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
