// Small report files built in the tests (ledger, reimbursements, costs), and the GraphQL documents the case tests
// add to support.ts. Formats: ../shared/domain/samples/*.tsv; rules: docs/rules.md sections 3 and 5.
import { graphql } from '../gql/index.js';
import { gql, ImportReport, member, type TestServer, upload } from '../support/server.js';
import { OpenCase, Totals } from './support.js';

/** The server's "now" in the case tests (RECLAIM_NOW). */
export const NOW = '2025-06-15T00:00:00.000Z';
/** When the cases of the tests are opened (openCase's asOf): before the payments, which come before NOW. */
export const OPENED = '2025-06-01T00:00:00.000Z';
/** A LOST event of this day is CLAIMABLE on OPENED and on NOW (W 30: from 05-25, E 60: until 06-24). */
export const LOST_DAY = '2025-04-25';
/** A LOST event of this day is still WAITING on NOW (claimable from 07-01). */
export const RECENT_DAY = '2025-06-01';

export type MissingTypeName = 'LOST' | 'DAMAGED' | 'INBOUND' | 'UNRETURNED' | 'REMOVAL';

// ---- Inventory Ledger -------------------------------------------------------------------------------------------

const LEDGER_HEADER = [
  'Date',
  'FNSKU',
  'ASIN',
  'MSKU',
  'Title',
  'Event Type',
  'Reference ID',
  'Quantity',
  'Fulfillment Center',
  'Disposition',
  'Reason',
  'Country',
  'Reconciled Quantity',
  'Unreconciled Quantity',
  'Date and Time',
];

export interface LedgerRow {
  /** YYYY-MM-DD */
  day: string;
  sku: string;
  quantity: number;
  reference: string;
  /** `M` (lost) by default. */
  reason?: string;
  title?: string;
  fnsku?: string;
  asin?: string;
  eventType?: string;
}

/** A ledger file (tab-separated, the header of samples/ledger.tsv). */
export function ledgerFile(rows: readonly LedgerRow[]): string {
  const lines = rows.map((row) => {
    const [year, month, date] = row.day.split('-');
    return [
      `${month}/${date}/${year}`,
      row.fnsku ?? `X00${row.sku.replace(/[^A-Z0-9]/g, '').slice(0, 7)}`,
      row.asin ?? '',
      row.sku,
      row.title ?? '',
      row.eventType ?? 'Adjustments',
      row.reference,
      String(row.quantity),
      'PHX7',
      'SELLABLE',
      row.reason ?? 'M',
      'US',
      '0',
      String(Math.max(0, -row.quantity)),
      `${row.day}T10:00:00-0700`,
    ].join('\t');
  });
  return `${[LEDGER_HEADER.join('\t'), ...lines].join('\n')}\n`;
}

// ---- Reimbursements ---------------------------------------------------------------------------------------------

const REIMBURSEMENTS_HEADER = [
  'approval-date',
  'reimbursement-id',
  'case-id',
  'amazon-order-id',
  'reason',
  'sku',
  'fnsku',
  'asin',
  'product-name',
  'condition',
  'currency-unit',
  'amount-per-unit',
  'amount-total',
  'quantity-reimbursed-cash',
  'quantity-reimbursed-inventory',
  'quantity-reimbursed-total',
  'original-reimbursement-id',
  'original-reimbursement-type',
];

export interface ReimbursementRow {
  /** ISO instant */
  approved: string;
  id: string;
  sku: string;
  /** Negative for a reversal. */
  units: number;
  /** Per unit, positive: the line's amount is units × it. */
  perUnit: number;
  caseId?: string;
  /** `Lost_Warehouse` by default; a row with `reversalOf` is a `Reimbursement_Reversal`. */
  reason?: string;
  reversalOf?: { id: string; type: string };
  currency?: string;
}

/** A reimbursements file (tab-separated, the header of samples/reimbursements.tsv). */
export function reimbursementsFile(rows: readonly ReimbursementRow[]): string {
  const lines = rows.map((row) => {
    const total = (row.units * row.perUnit).toFixed(2);
    const perUnit = (row.units < 0 ? -row.perUnit : row.perUnit).toFixed(2);
    return [
      row.approved,
      row.id,
      row.caseId ?? '',
      '',
      row.reversalOf ? 'Reimbursement_Reversal' : (row.reason ?? 'Lost_Warehouse'),
      row.sku,
      '',
      '',
      '',
      'NewItem',
      row.currency ?? 'USD',
      perUnit,
      total,
      String(row.units),
      '0',
      String(row.units),
      row.reversalOf?.id ?? '',
      row.reversalOf?.type ?? '',
    ].join('\t');
  });
  return `${[REIMBURSEMENTS_HEADER.join('\t'), ...lines].join('\n')}\n`;
}

// ---- Product costs ----------------------------------------------------------------------------------------------

export function costsFile(
  rows: ReadonlyArray<{ sku: string; cost: string; currency: string; title?: string }>,
): string {
  const lines = rows.map((row) => [row.sku, row.cost, row.currency, row.title ?? ''].join('\t'));
  return `${['sku\tcost\tcurrency\ttitle', ...lines].join('\n')}\n`;
}

// ---- Server helpers ---------------------------------------------------------------------------------------------

let fileNumber = 0;

/** Imports a file built above and asserts that the import succeeded. */
export async function importText(server: TestServer, token: string, name: string, content: string) {
  fileNumber += 1;
  const result = await upload(server, token, { name: `${fileNumber}-${name}`, content }, ImportReport, {});
  if (result.errors) throw new Error(`importing ${name} failed: ${JSON.stringify(result.errors)}`);
  return member(result.data?.importReport, 'ImportReportSuccess').import;
}

export interface OpenArgs {
  type?: MissingTypeName;
  skus: string[];
  amazonCaseId: string;
  asOf?: string;
}

/** openCase's result (success or error member). */
export async function openCase(server: TestServer, token: string, args: OpenArgs) {
  const input = {
    type: args.type ?? 'LOST',
    skus: args.skus,
    amazonCaseId: args.amazonCaseId,
    asOf: args.asOf ?? OPENED,
  };
  return (await gql(server, OpenCase, { input }, token)).data!.openCase;
}

/** Opens a case that must open, and returns it. */
export async function openedCase(server: TestServer, token: string, args: OpenArgs) {
  return member(await openCase(server, token, args), 'OpenCaseSuccess').case;
}

export const CaseHistory = graphql(`
  query CaseHistory($id: ID!) {
    case(id: $id) {
      id status closedAt closedBy claimedUnits reimbursedUnits pendingUnits
      history { at actor action details }
    }
  }
`);

export const CaseDocuments = graphql(`
  query CaseDocuments($id: ID!) {
    case(id: $id) {
      id amazonCaseId description documentUrl
      items { product { sku } claimedUnits documentUrl }
    }
  }
`);

export const ProductSnapshot = graphql(`
  query ProductSnapshot($sku: String!, $asOf: DateTime) {
    product(sku: $sku, asOf: $asOf) {
      sku title missingUnits claimableUnits claimedUnits expiredUnits nextDeadline
      reimbursable { amount currency }
      byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency } }
      evidence { type date units state deadline source reference }
      cases { id status }
    }
  }
`);

export const MissingSnapshot = graphql(`
  query MissingSnapshot($asOf: DateTime) {
    missingProducts(asOf: $asOf, first: 100) {
      edges {
        node {
          sku missingUnits claimableUnits claimedUnits expiredUnits nextDeadline
          reimbursable { amount currency }
          byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline }
        }
      }
    }
  }
`);

export const ViewerIdentity = graphql(`
  query ViewerIdentity {
    viewer { id name region descriptionLanguage }
  }
`);

export const SetDescriptionLanguage = graphql(`
  mutation SetDescriptionLanguage($language: DescriptionLanguage!) {
    updateSettings(input: { descriptionLanguage: $language }) {
      __typename
      ... on Error { code message }
      ... on UpdateSettingsSuccess { account { id region descriptionLanguage } }
    }
  }
`);

/** Every number a seller sees for these products at asOf: the list, each product (with its evidence), the totals. */
export async function snapshot(server: TestServer, token: string, skus: readonly string[], asOf = NOW) {
  const answer = await gql(server, MissingSnapshot, { asOf }, token);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  const missing = answer.data.missingProducts.edges.map((edge) => edge.node);
  const products = [];
  for (const sku of skus) products.push((await gql(server, ProductSnapshot, { sku, asOf }, token)).data!.product);
  const totals = (await gql(server, Totals, { asOf }, token)).data!.viewer.totals;
  return { missing, products, totals };
}

/** The history of a case as (actor, action) pairs, oldest first. */
export async function historyOf(server: TestServer, token: string, id: string) {
  const found = (await gql(server, CaseHistory, { id }, token)).data!.case;
  return found?.history.map((change) => `${change.actor} ${change.action}`) ?? null;
}
