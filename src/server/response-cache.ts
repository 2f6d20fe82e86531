// Answers a query an account asked before from memory, when nothing it reads can have changed since: the dashboard
// asks for the same first page of missing products and the same totals again and again, and each costs milliseconds
// of database work that an unchanged account does not need (docs/performance.md, "The response cache").
//
// Exact, not approximate: an answer is kept with a data version that names the committed data, and served only at
// that same version and on the same day (the numbers depend on the day, never on the time of day).
// - Embedded: the database's data version (src/db/pglite-client.ts), which moves after anything that may have changed
//   committed data; an answer is kept only when it was the same before and after it was computed and no transaction
//   was open meanwhile.
// - PostgreSQL: the snapshot of the statement that read the request's token (`pg_current_snapshot()`: the
//   transactions in progress and the next to begin). Two equal snapshots saw the same committed transactions, in
//   every process and connection; any commit after it (or the end of a transaction it listed as in progress) gives
//   every later statement another. An answer computed at a snapshot may include what committed while it was computed:
//   it is then served only to requests that began before that commit, as if a moment later.
// Only operations made entirely of fields whose answers depend on nothing but the account's data and the day are kept:
// no signed links (they expire), no clock, no other account.
import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { dayOf } from '../domain/calendar.js';
import type { Context } from '../schema/context.js';
import { counterVersion } from './auth.js';

const EVERY_FIELD = '*';

/**
 * The fields whose answer is a function of the account's stored data and the day only. A field added to one of these
 * types later is not kept until it is listed here (Product, Account) or its type is (EVERY_FIELD).
 */
const KEPT_FIELDS: Record<string, typeof EVERY_FIELD | ReadonlySet<string>> = {
  Query: new Set([
    'history',
    'missingProducts',
    'product',
    'products',
    'removalShipments',
    'underpaidReimbursements',
    'viewer',
  ]),
  Account: new Set([
    'id',
    'name',
    'region',
    'valuation',
    'costBasisDate',
    'costBasisDateIsDefault',
    'createdAt',
    'descriptionLanguage',
    'totals',
  ]),
  // Not `cases`: a case carries signed links to its documents, which expire.
  Product: new Set([
    'asin',
    'byType',
    'claimableReimbursable',
    'claimableUnits',
    'claimedUnits',
    'evidence',
    'expectedPayout',
    'expiredUnits',
    'fnsku',
    'lastSalePrice',
    'missingUnits',
    'nextDeadline',
    'payoutBasis',
    'purchaseCost',
    'reimbursable',
    'sku',
    'title',
    'unitValue',
  ]),
  Totals: EVERY_FIELD,
  History: EVERY_FIELD,
  HistoryMonth: EVERY_FIELD,
  HistoryValues: EVERY_FIELD,
  RemovalShipmentConnection: EVERY_FIELD,
  RemovalShipmentEdge: EVERY_FIELD,
  RemovalShipment: EVERY_FIELD,
  UnderpaidReimbursementConnection: EVERY_FIELD,
  UnderpaidReimbursementEdge: EVERY_FIELD,
  // Not the document's link (signed, it expires), nor the claim's words and guidance (not asked at a page's load).
  UnderpaidReimbursement: new Set([
    'amountPerUnit',
    'approvalDate',
    'basis',
    'cashUnits',
    'expectedPerUnit',
    'product',
    'reimbursementId',
    'type',
    'underpaidBy',
  ]),
  Money: EVERY_FIELD,
  ProductConnection: EVERY_FIELD,
  ProductEdge: EVERY_FIELD,
  ProductListConnection: EVERY_FIELD,
  ProductListEdge: EVERY_FIELD,
  PageInfo: EVERY_FIELD,
  MissingByType: EVERY_FIELD,
  Evidence: EVERY_FIELD,
  RemovalQuantities: EVERY_FIELD,
};

function onlyKeptFields(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  if (getOperationAST(document, operationName)?.operation !== 'query') return false;
  const typeInfo = new TypeInfo(schema);
  let kept = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        const fields = parent ? KEPT_FIELDS[getNamedType(parent).name] : undefined;
        if (fields !== EVERY_FIELD && !fields?.has(node.name.value)) kept = false;
      },
    }),
  );
  return kept;
}

interface Kept {
  version: string;
  data: ExecutionResult['data'];
  /** Roughly what the answer weighs in memory: its JSON's length. */
  size: number;
}

/** The most recently used answers, up to a total size; answers of an older version are dropped as soon as seen. */
export class ResponseCache {
  private readonly answers = new Map<string, Kept>();
  private size = 0;
  private readonly documents = new WeakMap<DocumentNode, { id: number; kept: Map<string, boolean> }>();
  private nextDocumentId = 1;

  constructor(private readonly maxBytes: number) {}

  /** A number naming the document (yoga reuses a parsed document), and whether its operation may be kept. */
  documentOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null) {
    let known = this.documents.get(document);
    if (!known) {
      known = { id: this.nextDocumentId++, kept: new Map() };
      this.documents.set(document, known);
    }
    const name = operationName ?? '';
    let kept = known.kept.get(name);
    if (kept === undefined) {
      kept = onlyKeptFields(schema, document, operationName);
      known.kept.set(name, kept);
    }
    return { id: known.id, kept };
  }

  get(key: string, version: string): ExecutionResult['data'] | undefined {
    const kept = this.answers.get(key);
    if (!kept) return undefined;
    this.answers.delete(key);
    if (kept.version !== version) {
      this.size -= kept.size;
      return undefined;
    }
    // Most recently used last.
    this.answers.set(key, kept);
    return kept.data;
  }

  set(key: string, version: string, data: ExecutionResult['data']): void {
    const size = JSON.stringify(data).length;
    if (size > this.maxBytes / 4) return;
    const old = this.answers.get(key);
    if (old) {
      this.answers.delete(key);
      this.size -= old.size;
    }
    this.answers.set(key, { version, data, size });
    this.size += size;
    for (const [oldest, entry] of this.answers) {
      if (this.size <= this.maxBytes) break;
      this.answers.delete(oldest);
      this.size -= entry.size;
    }
  }

  get bytes(): number {
    return this.size;
  }
}

/** Placed last, after the executor (graphql-jit) is chosen: a kept answer skips execution altogether. */
export function useResponseCache(cache: ResponseCache): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as unknown as Context;
      const account = ctx.account;
      // The version as the account was read. Embedded: if the data has not moved since, the account is as it is
      // stored (a PostgreSQL snapshot was read with the account itself).
      const version = ctx.dataVersion;
      if (!account || version === undefined || !unchangedSince(ctx, version)) return;
      const document = cache.documentOf(args.schema, args.document, args.operationName);
      if (!document.kept) return;
      const key = [
        account.id,
        dayOf(ctx.clock.now()),
        document.id,
        args.operationName ?? '',
        JSON.stringify(args.variableValues ?? {}),
      ].join('\u0001');
      const data = cache.get(key, version);
      if (data !== undefined) {
        // A result of its own: plugins after execution may add to it.
        setResultAndStopExecution({ data });
        return;
      }
      return {
        onExecuteDone({ result }) {
          const answer = result as ExecutionResult;
          if (Symbol.asyncIterator in (result as object) || answer.errors?.length || !answer.data) return;
          // Anything that may have changed the data while it was read (or a transaction still open) and it is not kept.
          if (!unchangedSince(ctx, version)) return;
          cache.set(key, version, answer.data);
        },
      };
    },
  };
}

/**
 * Whether the embedded database's data version is still `version`. On PostgreSQL, true: a snapshot names data that
 * other processes' commits do not change, only make older (see the head of this file).
 */
function unchangedSince(ctx: Context, version: string): boolean {
  if (ctx.db.kind === 'postgres') return true;
  const counter = counterVersion(ctx.db.dataVersion?.());
  return counter !== undefined && counter === version;
}
