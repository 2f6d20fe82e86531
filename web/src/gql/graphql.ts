/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AmazonConnectionStatus =
  | 'CONNECTED'
  /** Login with Amazon refused the credentials (an expired or revoked refresh token): connect again. */
  | 'REFUSED';

/** What a sync fetches: the ledger, reimbursements and customer returns reports, the settlement reports, the inbound shipments (Fulfillment Inbound), the refunds not settled yet (Finances), and the removal order and removal shipment reports. */
export type AmazonFeed =
  | 'CUSTOMER_RETURNS'
  | 'INBOUND_SHIPMENTS'
  | 'LEDGER'
  | 'REFUNDS'
  | 'REIMBURSEMENTS'
  | 'REMOVAL_ORDERS'
  | 'REMOVAL_SHIPMENTS'
  | 'SETTLEMENTS';

export type CaseEventKind =
  | 'CLOSED'
  | 'DELETED'
  | 'OPENED'
  | 'REIMBURSED'
  | 'REIMBURSEMENT_RECEIVED'
  | 'REOPENED';

/** OPEN: waiting for payment (yellow); REIMBURSED: paid (green); CLOSED: closed unpaid (grey). */
export type CaseStatus =
  | 'CLOSED'
  | 'OPEN'
  | 'REIMBURSED';

/** The seller's Selling Partner API authorisation: the LWA credentials of the application and the refresh token the seller's authorisation gave. Sealed at rest, never returned, never logged. */
export type ConnectAmazonInput = {
  clientId: string;
  clientSecret: string;
  /** Such as ATVPDKIKX0DER (amazon.com). */
  marketplaceIds: Array<string>;
  refreshToken: string;
  /** From 1 to 168; RECLAIM_SYNC_HOURS (24) when omitted. */
  syncEveryHours?: number | null | undefined;
};

export type DescriptionLanguage =
  | 'DE'
  | 'EN'
  | 'ES'
  | 'FR'
  | 'IT';

/** LOST and DAMAGED in a warehouse, INBOUND (received short), UNRETURNED (refunded, never returned). */
export type MissingType =
  | 'DAMAGED'
  | 'INBOUND'
  | 'LOST'
  | 'REMOVAL'
  | 'UNRETURNED';

export type OpenCaseInput = {
  /** The number Seller Central gave the case: 8 to 12 digits. */
  amazonCaseId: string;
  /** When the case was opened; now by default. */
  asOf?: string | null | undefined;
  /** The products of the claim (one or more, of this type). */
  skus: Array<string>;
  type: MissingType;
};

/** Why Amazon's current policy pays what expectedPayout says (docs/rules.md section 9): MANUFACTURING_COST (the seller's cost, the policy since 10 March 2025 for units lost before an order), COST_UNKNOWN (that policy, but no cost is on file: upload the costs file), SALE_PRICE (paid before the cost-basis date), ORDER_PRICE_LESS_FEES (an unreturned refund: the order's price less its fees), ORDER_PRICE_FEES_UNKNOWN (the refunded price; the order's fees are not imported). */
export type PayoutBasis =
  | 'COST_UNKNOWN'
  | 'MANUFACTURING_COST'
  | 'ORDER_PRICE_FEES_UNKNOWN'
  | 'ORDER_PRICE_LESS_FEES'
  | 'SALE_PRICE';

/** Amazon's marketplace region: North America, Europe, Far East. */
export type Region =
  | 'EU'
  | 'FE'
  | 'NA';

export type RemovalReceiptInput = {
  orderId: string;
  /** From 0 to the units shipped. */
  receivedUnits: number;
  sku: string;
  trackingNumber: string;
};

/** The Amazon report a file is (docs/reports.md). */
export type ReportKind =
  | 'CUSTOMER_RETURNS'
  | 'INBOUND_SHIPMENTS'
  | 'LEDGER'
  | 'PRODUCT_COSTS'
  | 'REIMBURSEMENTS'
  | 'REMOVAL_ORDERS'
  | 'REMOVAL_RECEIPTS'
  | 'REMOVAL_SHIPMENTS'
  | 'SETTLEMENT';

export type SyncFeedStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED'
  /** Amazon is making the report, or a rate limit makes the sync wait. */
  | 'WAITING';

export type SyncRunStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type SyncStatusFieldsFragment = { running: boolean, nextRunAt: string | null, error: string | null, connection: { status: AmazonConnectionStatus, marketplaceIds: Array<string>, clientIdEnding: string }, lastRun: { id: string, status: SyncRunStatus, startedAt: string, finishedAt: string | null, feeds: Array<{ feed: AmazonFeed, status: SyncFeedStatus, wakeAt: string | null, rows: number, inserted: number, duplicates: number, error: string | null }> } | null };

export type SyncStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type SyncStatusQuery = { amazonConnectionAvailable: boolean, syncStatus: { running: boolean, nextRunAt: string | null, error: string | null, connection: { status: AmazonConnectionStatus, marketplaceIds: Array<string>, clientIdEnding: string }, lastRun: { id: string, status: SyncRunStatus, startedAt: string, finishedAt: string | null, feeds: Array<{ feed: AmazonFeed, status: SyncFeedStatus, wakeAt: string | null, rows: number, inserted: number, duplicates: number, error: string | null }> } | null } | null };

export type SyncStatusChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SyncStatusChangesSubscription = { syncStatusChanged: { running: boolean, nextRunAt: string | null, error: string | null, connection: { status: AmazonConnectionStatus, marketplaceIds: Array<string>, clientIdEnding: string }, lastRun: { id: string, status: SyncRunStatus, startedAt: string, finishedAt: string | null, feeds: Array<{ feed: AmazonFeed, status: SyncFeedStatus, wakeAt: string | null, rows: number, inserted: number, duplicates: number, error: string | null }> } | null } | null };

export type ConnectMutationVariables = Exact<{
  input: ConnectAmazonInput;
}>;


export type ConnectMutation = { connectAmazon:
    | { __typename: 'ConnectAmazonSuccess' }
    | { __typename: 'DomainError', code: string, message: string }
   };

export type SyncMutationVariables = Exact<{ [key: string]: never; }>;


export type SyncMutation = { syncAmazon:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'SyncAmazonSuccess' }
   };

export type CasesQueryVariables = Exact<{ [key: string]: never; }>;


export type CasesQuery = { cases: { edges: Array<{ node: { id: string, amazonCaseId: string, caseLogUrl: string, type: MissingType, status: CaseStatus, claimedUnits: number, reimbursedUnits: number, openedAt: string, documentUrl: string, reimbursed: Array<{ amount: string, currency: string }>, items: Array<{ product: { sku: string } }> } }> } };

export type CloseMutationVariables = Exact<{
  id: string | number;
}>;


export type CloseMutation = { closeCase:
    | { __typename: 'CloseCaseSuccess' }
    | { __typename: 'DomainError', code: string, message: string }
   };

export type DeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteMutation = { deleteCase:
    | { __typename: 'DeleteCaseSuccess' }
    | { __typename: 'DomainError', code: string, message: string }
   };

export type HistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type HistoryQuery = { history: { from: string, to: string, months: Array<{ month: string, missingUnits: number, claimedUnits: number, reimbursedUnits: number, expiredUnits: number, values: Array<{ currency: string, missing: { amount: string, currency: string }, claimed: { amount: string, currency: string }, reimbursed: { amount: string, currency: string }, expired: { amount: string, currency: string } }> }> } };

export type ImportsQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportsQuery = { imports: { edges: Array<{ node: { id: string, fileName: string, kind: ReportKind, status: string, rows: number, inserted: number, duplicates: number, errorCount: number, createdAt: string, errors: Array<{ line: number, column: string | null, message: string }> } }> } };

export type ProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ProgressSubscription = { importProgress: { status: string, rowsRead: number } };

export type ImportMutationVariables = Exact<{
  file: File;
  kind?: ReportKind | null | undefined;
}>;


export type ImportMutation = { importReport:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'ImportRefusedError', message: string, code: string, errors: Array<{ line: number, column: string | null, message: string }> }
    | { __typename: 'ImportReportSuccess', import: { id: string, status: string, rows: number } }
   };

export type CaseUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CaseUpdatesSubscription = { caseUpdated: { kind: CaseEventKind, caseId: string } };

export type MissingChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MissingChangesSubscription = { missingChanged: { skus: Array<string> } };

export type DeadlineAlertsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DeadlineAlertsSubscription = { deadlineApproaching: { sku: string, type: MissingType, units: number, deadline: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string } };

export type HeaderQueryVariables = Exact<{ [key: string]: never; }>;


export type HeaderQuery = { serverTime: string, viewer: { name: string, region: Region } };

export type TotalsQueryVariables = Exact<{ [key: string]: never; }>;


export type TotalsQuery = { viewer: { totals: { missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, reimbursable: Array<{ amount: string, currency: string }>, expectedPayout: Array<{ amount: string, currency: string }>, underpaid: Array<{ amount: string, currency: string }>, reimbursed: Array<{ amount: string, currency: string }> } } };

export type MissingQueryVariables = Exact<{
  type?: MissingType | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MissingQuery = { missingProducts: { totalCount: number, edges: Array<{ node: { sku: string, title: string | null, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, payoutBasis: PayoutBasis | null, reimbursable: { amount: string, currency: string } | null, claimableReimbursable: { amount: string, currency: string } | null, unitValue: { amount: string, currency: string } | null, lastSalePrice: { amount: string, currency: string } | null, expectedPayout: { amount: string, currency: string } | null, byType: Array<{ type: MissingType, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, payoutBasis: PayoutBasis | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WithoutCostQueryVariables = Exact<{ [key: string]: never; }>;


export type WithoutCostQuery = { missingProducts: { edges: Array<{ node: { sku: string, missingUnits: number, payoutBasis: PayoutBasis | null, byType: Array<{ type: MissingType, missingUnits: number, payoutBasis: PayoutBasis | null }> } }>, pageInfo: { hasNextPage: boolean } } };

export type AwaitingReceiptQueryVariables = Exact<{ [key: string]: never; }>;


export type AwaitingReceiptQuery = { removalShipments: { edges: Array<{ node: { orderId: string, trackingNumber: string, carrier: string | null, shipmentDate: string, shippedUnits: number, product: { sku: string, title: string | null } } }> } };

export type RecordRemovalReceiptMutationVariables = Exact<{
  input: RemovalReceiptInput;
}>;


export type RecordRemovalReceiptMutation = { recordRemovalReceipt:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'RecordRemovalReceiptSuccess' }
   };

export type UnderpaidQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UnderpaidQuery = { underpaidReimbursements: { totalCount: number, edges: Array<{ cursor: string, node: { reimbursementId: string, approvalDate: string, type: MissingType, cashUnits: number, basis: PayoutBasis, product: { sku: string, title: string | null }, amountPerUnit: { amount: string, currency: string }, expectedPerUnit: { amount: string, currency: string }, underpaidBy: { amount: string, currency: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UnderpaidReviewQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  language?: DescriptionLanguage | null | undefined;
}>;


export type UnderpaidReviewQuery = { underpaidReimbursements: { edges: Array<{ node: { reimbursementId: string, documentUrl: string, description: string, sellerCentralUrl: string, guidance: Array<string> } }> } };

export type DraftQueryVariables = Exact<{
  type: MissingType;
  skus: Array<string> | string;
  language?: DescriptionLanguage | null | undefined;
}>;


export type DraftQuery = { claimDraft: { units: number, payoutBasis: PayoutBasis | null, documentUrl: string, description: string, sellerCentralUrl: string, guidance: Array<string>, reimbursable: { amount: string, currency: string } | null, expectedPayout: { amount: string, currency: string } | null, items: Array<{ units: number, payoutBasis: PayoutBasis | null, expectedPayout: { amount: string, currency: string } | null, product: { sku: string, title: string | null }, evidence: Array<{ date: string, units: number, source: string, reference: string | null, reconciledQuantity: number | null, unreconciledQuantity: number | null, amazonReconciled: boolean }> }> } };

export type CandidatesQueryVariables = Exact<{
  type?: MissingType | null | undefined;
}>;


export type CandidatesQuery = { missingProducts: { edges: Array<{ node: { sku: string, claimableUnits: number } }> } };

export type OpenCaseMutationVariables = Exact<{
  input: OpenCaseInput;
}>;


export type OpenCaseMutation = { openCase:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'OpenCaseSuccess', case: { id: string, amazonCaseId: string } }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SyncStatusFieldsFragmentDoc = new TypedDocumentString(`
    fragment SyncStatusFields on SyncStatus {
  running
  nextRunAt
  error
  connection {
    status
    marketplaceIds
    clientIdEnding
  }
  lastRun {
    id
    status
    startedAt
    finishedAt
    feeds {
      feed
      status
      wakeAt
      rows
      inserted
      duplicates
      error
    }
  }
}
    `, {"fragmentName":"SyncStatusFields"}) as unknown as TypedDocumentString<SyncStatusFieldsFragment, unknown>;
export const SyncStatusDocument = new TypedDocumentString(`
    query SyncStatus {
  amazonConnectionAvailable
  syncStatus {
    ...SyncStatusFields
  }
}
    fragment SyncStatusFields on SyncStatus {
  running
  nextRunAt
  error
  connection {
    status
    marketplaceIds
    clientIdEnding
  }
  lastRun {
    id
    status
    startedAt
    finishedAt
    feeds {
      feed
      status
      wakeAt
      rows
      inserted
      duplicates
      error
    }
  }
}`) as unknown as TypedDocumentString<SyncStatusQuery, SyncStatusQueryVariables>;
export const SyncStatusChangesDocument = new TypedDocumentString(`
    subscription SyncStatusChanges {
  syncStatusChanged {
    ...SyncStatusFields
  }
}
    fragment SyncStatusFields on SyncStatus {
  running
  nextRunAt
  error
  connection {
    status
    marketplaceIds
    clientIdEnding
  }
  lastRun {
    id
    status
    startedAt
    finishedAt
    feeds {
      feed
      status
      wakeAt
      rows
      inserted
      duplicates
      error
    }
  }
}`) as unknown as TypedDocumentString<SyncStatusChangesSubscription, SyncStatusChangesSubscriptionVariables>;
export const ConnectDocument = new TypedDocumentString(`
    mutation Connect($input: ConnectAmazonInput!) {
  connectAmazon(input: $input) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConnectMutation, ConnectMutationVariables>;
export const SyncDocument = new TypedDocumentString(`
    mutation Sync {
  syncAmazon {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SyncMutation, SyncMutationVariables>;
export const CasesDocument = new TypedDocumentString(`
    query Cases {
  cases(first: 100) {
    edges {
      node {
        id
        amazonCaseId
        caseLogUrl
        type
        status
        claimedUnits
        reimbursedUnits
        reimbursed {
          amount
          currency
        }
        openedAt
        documentUrl
        items {
          product {
            sku
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CasesQuery, CasesQueryVariables>;
export const CloseDocument = new TypedDocumentString(`
    mutation Close($id: ID!) {
  closeCase(id: $id) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CloseMutation, CloseMutationVariables>;
export const DeleteDocument = new TypedDocumentString(`
    mutation Delete($id: ID!) {
  deleteCase(id: $id) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteMutation, DeleteMutationVariables>;
export const HistoryDocument = new TypedDocumentString(`
    query History {
  history {
    from
    to
    months {
      month
      missingUnits
      claimedUnits
      reimbursedUnits
      expiredUnits
      values {
        currency
        missing {
          amount
          currency
        }
        claimed {
          amount
          currency
        }
        reimbursed {
          amount
          currency
        }
        expired {
          amount
          currency
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HistoryQuery, HistoryQueryVariables>;
export const ImportsDocument = new TypedDocumentString(`
    query Imports {
  imports(first: 50) {
    edges {
      node {
        id
        fileName
        kind
        status
        rows
        inserted
        duplicates
        errorCount
        errors {
          line
          column
          message
        }
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImportsQuery, ImportsQueryVariables>;
export const ProgressDocument = new TypedDocumentString(`
    subscription Progress($id: ID!) {
  importProgress(id: $id) {
    status
    rowsRead
  }
}
    `) as unknown as TypedDocumentString<ProgressSubscription, ProgressSubscriptionVariables>;
export const ImportDocument = new TypedDocumentString(`
    mutation Import($file: File!, $kind: ReportKind) {
  importReport(file: $file, kind: $kind, wait: false) {
    __typename
    ... on ImportReportSuccess {
      import {
        id
        status
        rows
      }
    }
    ... on ImportRefusedError {
      message
      errors {
        line
        column
        message
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportMutation, ImportMutationVariables>;
export const CaseUpdatesDocument = new TypedDocumentString(`
    subscription CaseUpdates {
  caseUpdated {
    kind
    caseId
  }
}
    `) as unknown as TypedDocumentString<CaseUpdatesSubscription, CaseUpdatesSubscriptionVariables>;
export const MissingChangesDocument = new TypedDocumentString(`
    subscription MissingChanges {
  missingChanged {
    skus
  }
}
    `) as unknown as TypedDocumentString<MissingChangesSubscription, MissingChangesSubscriptionVariables>;
export const DeadlineAlertsDocument = new TypedDocumentString(`
    subscription DeadlineAlerts {
  deadlineApproaching {
    sku
    type
    units
    deadline
  }
}
    `) as unknown as TypedDocumentString<DeadlineAlertsSubscription, DeadlineAlertsSubscriptionVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const HeaderDocument = new TypedDocumentString(`
    query Header {
  serverTime
  viewer {
    name
    region
  }
}
    `) as unknown as TypedDocumentString<HeaderQuery, HeaderQueryVariables>;
export const TotalsDocument = new TypedDocumentString(`
    query Totals {
  viewer {
    totals {
      missingUnits
      claimableUnits
      claimedUnits
      expiredUnits
      reimbursable {
        amount
        currency
      }
      expectedPayout {
        amount
        currency
      }
      underpaid {
        amount
        currency
      }
      reimbursed {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TotalsQuery, TotalsQueryVariables>;
export const MissingDocument = new TypedDocumentString(`
    query Missing($type: MissingType, $first: Int, $after: String) {
  missingProducts(type: $type, first: $first, after: $after) {
    totalCount
    edges {
      node {
        sku
        title
        missingUnits
        claimableUnits
        claimedUnits
        expiredUnits
        nextDeadline
        reimbursable {
          amount
          currency
        }
        claimableReimbursable {
          amount
          currency
        }
        unitValue {
          amount
          currency
        }
        lastSalePrice {
          amount
          currency
        }
        expectedPayout {
          amount
          currency
        }
        payoutBasis
        byType {
          type
          missingUnits
          claimableUnits
          claimedUnits
          expiredUnits
          nextDeadline
          payoutBasis
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MissingQuery, MissingQueryVariables>;
export const WithoutCostDocument = new TypedDocumentString(`
    query WithoutCost {
  missingProducts(first: 100) {
    edges {
      node {
        sku
        missingUnits
        payoutBasis
        byType {
          type
          missingUnits
          payoutBasis
        }
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<WithoutCostQuery, WithoutCostQueryVariables>;
export const AwaitingReceiptDocument = new TypedDocumentString(`
    query AwaitingReceipt {
  removalShipments(awaitingReceipt: true, first: 20) {
    edges {
      node {
        orderId
        trackingNumber
        carrier
        shipmentDate
        product {
          sku
          title
        }
        shippedUnits
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AwaitingReceiptQuery, AwaitingReceiptQueryVariables>;
export const RecordRemovalReceiptDocument = new TypedDocumentString(`
    mutation RecordRemovalReceipt($input: RemovalReceiptInput!) {
  recordRemovalReceipt(input: $input) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RecordRemovalReceiptMutation, RecordRemovalReceiptMutationVariables>;
export const UnderpaidDocument = new TypedDocumentString(`
    query Underpaid($first: Int, $after: String) {
  underpaidReimbursements(first: $first, after: $after) {
    totalCount
    edges {
      node {
        reimbursementId
        approvalDate
        type
        cashUnits
        basis
        product {
          sku
          title
        }
        amountPerUnit {
          amount
          currency
        }
        expectedPerUnit {
          amount
          currency
        }
        underpaidBy {
          amount
          currency
        }
      }
      cursor
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<UnderpaidQuery, UnderpaidQueryVariables>;
export const UnderpaidReviewDocument = new TypedDocumentString(`
    query UnderpaidReview($first: Int, $after: String, $language: DescriptionLanguage) {
  underpaidReimbursements(first: $first, after: $after) {
    edges {
      node {
        reimbursementId
        documentUrl
        description
        sellerCentralUrl
        guidance(language: $language)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnderpaidReviewQuery, UnderpaidReviewQueryVariables>;
export const DraftDocument = new TypedDocumentString(`
    query Draft($type: MissingType!, $skus: [String!]!, $language: DescriptionLanguage) {
  claimDraft(type: $type, skus: $skus) {
    units
    reimbursable {
      amount
      currency
    }
    expectedPayout {
      amount
      currency
    }
    payoutBasis
    documentUrl
    description
    sellerCentralUrl
    guidance(language: $language)
    items {
      units
      expectedPayout {
        amount
        currency
      }
      payoutBasis
      product {
        sku
        title
      }
      evidence {
        date
        units
        source
        reference
        reconciledQuantity
        unreconciledQuantity
        amazonReconciled
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DraftQuery, DraftQueryVariables>;
export const CandidatesDocument = new TypedDocumentString(`
    query Candidates($type: MissingType) {
  missingProducts(type: $type, first: 100) {
    edges {
      node {
        sku
        claimableUnits
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CandidatesQuery, CandidatesQueryVariables>;
export const OpenCaseDocument = new TypedDocumentString(`
    mutation OpenCase($input: OpenCaseInput!) {
  openCase(input: $input) {
    __typename
    ... on OpenCaseSuccess {
      case {
        id
        amazonCaseId
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<OpenCaseMutation, OpenCaseMutationVariables>;