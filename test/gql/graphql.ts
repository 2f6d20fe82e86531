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

export type PolicyInput = {
  /** From 0 to 365. */
  deadlineDays: number;
  /** REMOVAL only: set the window of units lost in transit rather than that of the others. */
  inTransit?: boolean | null | undefined;
  type: MissingType;
  /** From 0 to 365, no more than deadlineDays. */
  waitDays: number;
};

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

export type SettingsInput = {
  /** The first day of Amazon's manufacturing-cost policy for this account (docs/rules.md section 9); null gives back the region's. */
  costBasisDate?: string | null | undefined;
  /** Used by EU accounts. */
  descriptionLanguage?: DescriptionLanguage | null | undefined;
  /** Windows to set, per type; the types not given keep theirs. */
  policy?: Array<PolicyInput> | null | undefined;
  region?: Region | null | undefined;
  valuation?: Valuation | null | undefined;
};

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

/** How a missing unit is valued: its latest sale price, or the purchase cost the seller gave. */
export type Valuation =
  | 'LAST_SALE_PRICE'
  | 'PURCHASE_COST';

/** WAITING: too early to claim; CLAIMABLE: claim now; EXPIRED: the deadline passed (docs/rules.md section 4). */
export type WindowState =
  | 'CLAIMABLE'
  | 'EXPIRED'
  | 'WAITING';

export type TokensQueryVariables = Exact<{ [key: string]: never; }>;


export type TokensQuery = { viewer: { id: string, name: string, tokens: Array<{ id: string, label: string | null, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> } };

export type CreateTokenMutationVariables = Exact<{
  label?: string | null | undefined;
  account?: string | null | undefined;
}>;


export type CreateTokenMutation = { createToken:
    | { __typename: 'CreateTokenSuccess', token: string, apiToken: { id: string, label: string | null, revokedAt: string | null } }
    | { __typename: 'DomainError', code: string, message: string }
   };

export type RevokeTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeTokenMutation = { revokeToken:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'RevokeTokenSuccess', apiToken: { id: string, label: string | null, revokedAt: string | null } }
   };

export type ImportShipmentItemsMutationVariables = Exact<{
  file: File;
  shipmentId?: string | null | undefined;
}>;


export type ImportShipmentItemsMutation = { importReport:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'ImportRefusedError', code: string, message: string, errors: Array<{ line: number, column: string | null, message: string }> }
    | { __typename: 'ImportReportSuccess', import: { status: string, rows: number, inserted: number } }
   };

export type SyncStatusChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SyncStatusChangedSubscription = { syncStatusChanged: { running: boolean, lastRun: { id: string, status: SyncRunStatus, feeds: Array<{ feed: AmazonFeed, status: SyncFeedStatus }> } | null, connection: { status: AmazonConnectionStatus } } | null };

export type ProductTitleQueryVariables = Exact<{
  sku: string;
}>;


export type ProductTitleQuery = { product: { sku: string, title: string | null } | null };

export type CapNumbersQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type CapNumbersQuery = { product: { missingUnits: number, claimableUnits: number, expiredUnits: number, evidence: Array<{ date: string, units: number, state: WindowState, reference: string | null }> } | null };

export type SyncTotalsQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type SyncTotalsQuery = { viewer: { totals: { missingUnits: number, claimableUnits: number } } };

export type ConcurrentCaseUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConcurrentCaseUpdatesSubscription = { caseUpdated: { kind: CaseEventKind, caseId: string } };

export type CaseHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseHistoryQuery = { case: { id: string, status: CaseStatus, closedAt: string | null, closedBy: string | null, claimedUnits: number, reimbursedUnits: number, pendingUnits: number, history: Array<{ at: string, actor: string, action: string, details: string }> } | null };

export type CaseDocumentsQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseDocumentsQuery = { case: { id: string, amazonCaseId: string, description: string, documentUrl: string, items: Array<{ claimedUnits: number, documentUrl: string, product: { sku: string } }> } | null };

export type ProductSnapshotQueryVariables = Exact<{
  sku: string;
  asOf?: string | null | undefined;
}>;


export type ProductSnapshotQuery = { product: { sku: string, title: string | null, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, reimbursable: { amount: string, currency: string } | null, byType: Array<{ type: MissingType, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, reimbursable: { amount: string, currency: string } | null }>, evidence: Array<{ type: MissingType, date: string, units: number, state: WindowState, deadline: string, source: string, reference: string | null }>, cases: Array<{ id: string, status: CaseStatus }> } | null };

export type MissingSnapshotQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type MissingSnapshotQuery = { missingProducts: { edges: Array<{ node: { sku: string, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, reimbursable: { amount: string, currency: string } | null, byType: Array<{ type: MissingType, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null }> } }> } };

export type ViewerIdentityQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerIdentityQuery = { viewer: { id: string, name: string, region: Region, descriptionLanguage: DescriptionLanguage } };

export type SetDescriptionLanguageMutationVariables = Exact<{
  language: DescriptionLanguage;
}>;


export type SetDescriptionLanguageMutation = { updateSettings:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'UpdateSettingsSuccess', account: { id: string, region: Region, descriptionLanguage: DescriptionLanguage } }
   };

export type RecordMugReceiptMutationVariables = Exact<{
  input: RemovalReceiptInput;
}>;


export type RecordMugReceiptMutation = { recordRemovalReceipt:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'RecordRemovalReceiptSuccess' }
   };

export type RemovalDraftQueryVariables = Exact<{
  skus: Array<string> | string;
  asOf?: string | null | undefined;
}>;


export type RemovalDraftQuery = { claimDraft: { units: number, payoutBasis: PayoutBasis | null, expectedPayout: { amount: string, currency: string } | null, evidence: Array<{ source: string, reference: string | null, trackingNumber: string | null, carrier: string | null, removal: { requested: number | null, cancelled: number | null, disposed: number | null, shipped: number, received: number | null } | null }> } };

export type OpenCaseMutationVariables = Exact<{
  input: OpenCaseInput;
}>;


export type OpenCaseMutation = { openCase:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'OpenCaseSuccess', case: { id: string, amazonCaseId: string, type: MissingType, status: CaseStatus, claimedUnits: number, reimbursedUnits: number, pendingUnits: number, openedAt: string, closedAt: string | null, closedBy: string | null, description: string, documentUrl: string, caseLogUrl: string, reimbursed: Array<{ amount: string, currency: string }>, items: Array<{ claimedUnits: number, reimbursedUnits: number, pendingUnits: number, documentUrl: string, product: { sku: string }, reimbursed: Array<{ amount: string, currency: string }> }> } }
   };

export type CloseCaseMutationVariables = Exact<{
  id: string | number;
}>;


export type CloseCaseMutation = { closeCase:
    | { __typename: 'CloseCaseSuccess', case: { id: string, status: CaseStatus, closedAt: string | null, closedBy: string | null, pendingUnits: number, reimbursedUnits: number } }
    | { __typename: 'DomainError', code: string, message: string }
   };

export type DeleteCaseMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteCaseMutation = { deleteCase:
    | { __typename: 'DeleteCaseSuccess', deletedCaseId: string }
    | { __typename: 'DomainError', code: string, message: string }
   };

export type CaseByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseByIdQuery = { case: { id: string, amazonCaseId: string, type: MissingType, status: CaseStatus, claimedUnits: number, reimbursedUnits: number, pendingUnits: number, openedAt: string, closedAt: string | null, closedBy: string | null, reimbursed: Array<{ amount: string, currency: string }>, reimbursements: Array<{ reimbursementId: string, approvalDate: string, reason: string, sku: string, units: number, amount: { amount: string, currency: string } }>, items: Array<{ claimedUnits: number, reimbursedUnits: number, pendingUnits: number, product: { sku: string }, reimbursed: Array<{ amount: string, currency: string }> }> } | null };

export type CaseListQueryVariables = Exact<{
  status?: CaseStatus | null | undefined;
}>;


export type CaseListQuery = { cases: { edges: Array<{ node: { id: string, amazonCaseId: string, status: CaseStatus, type: MissingType } }> } };

export type ProductNumbersQueryVariables = Exact<{
  sku: string;
  asOf?: string | null | undefined;
}>;


export type ProductNumbersQuery = { product: { sku: string, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, cases: Array<{ id: string, status: CaseStatus }> } | null };

export type TotalsQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type TotalsQuery = { viewer: { totals: { missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, reimbursable: Array<{ amount: string, currency: string }>, reimbursed: Array<{ amount: string, currency: string }> } } };

export type DraftQueryVariables = Exact<{
  type: MissingType;
  skus: Array<string> | string;
  asOf?: string | null | undefined;
}>;


export type DraftQuery = { claimDraft: { units: number, documentUrl: string, description: string, sellerCentralUrl: string, guidance: Array<string>, reimbursable: { amount: string, currency: string } | null, evidence: Array<{ type: MissingType, date: string, units: number, state: WindowState, deadline: string, source: string, reference: string | null }>, items: Array<{ units: number, product: { sku: string }, reimbursable: { amount: string, currency: string } | null, evidence: Array<{ date: string, units: number, reference: string | null }> }> } };

export type UnderpaidReviewQueryVariables = Exact<{
  language?: DescriptionLanguage | null | undefined;
}>;


export type UnderpaidReviewQuery = { underpaidReimbursements: { edges: Array<{ node: { reimbursementId: string, documentUrl: string, description: string, sellerCentralUrl: string, guidance: Array<string> } }> } };

export type CliTotalsQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type CliTotalsQuery = { viewer: { name: string, region: Region, totals: { missingUnits: number, claimableUnits: number, expiredUnits: number, reimbursable: Array<{ amount: string, currency: string }> } } };

export type DemoRemovalsQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type DemoRemovalsQuery = { missingProducts: { edges: Array<{ node: { sku: string, byType: Array<{ type: MissingType, missingUnits: number, claimableUnits: number }>, evidence: Array<{ state: WindowState, source: string }> } }>, pageInfo: { hasNextPage: boolean } }, removalShipments: { edges: Array<{ node: { orderId: string, trackingNumber: string, carrier: string | null, shippedUnits: number, receivedUnits: number | null } }> }, imports: { edges: Array<{ node: { kind: ReportKind, status: string, rows: number, inserted: number } }> } };

export type DashboardNumbersQueryVariables = Exact<{
  asOf?: string | null | undefined;
  type?: MissingType | null | undefined;
  first?: number | null | undefined;
}>;


export type DashboardNumbersQuery = { missingProducts: { totalCount: number, edges: Array<{ node: { sku: string, missingUnits: number, claimableUnits: number, reimbursable: { amount: string, currency: string } | null, claimableReimbursable: { amount: string, currency: string } | null, byType: Array<{ type: MissingType, claimableUnits: number, claimableReimbursable: { amount: string, currency: string } | null }> } }> } };

export type DashboardGuidanceQueryVariables = Exact<{
  language?: DescriptionLanguage | null | undefined;
}>;


export type DashboardGuidanceQuery = { claimDraft: { guidance: Array<string> }, underpaidReimbursements: { edges: Array<{ node: { guidance: Array<string> } }> } };

export type AmazonAvailabilityQueryVariables = Exact<{ [key: string]: never; }>;


export type AmazonAvailabilityQuery = { amazonConnectionAvailable: boolean };

export type MissingPageQueryVariables = Exact<{
  first?: number | null | undefined;
  asOf?: string | null | undefined;
}>;


export type MissingPageQuery = { missingProducts: { edges: Array<{ node: { sku: string, fnsku: string | null, asin: string | null, title: string | null, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, payoutBasis: PayoutBasis | null, lastSalePrice: { amount: string, currency: string } | null, purchaseCost: { amount: string, currency: string } | null, unitValue: { amount: string, currency: string } | null, reimbursable: { amount: string, currency: string } | null, expectedPayout: { amount: string, currency: string } | null, byType: Array<{ type: MissingType, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, payoutBasis: PayoutBasis | null, reimbursable: { amount: string, currency: string } | null, expectedPayout: { amount: string, currency: string } | null }>, evidence: Array<{ type: MissingType, date: string, units: number, state: WindowState, deadline: string, source: string, reference: string | null, reconciledQuantity: number | null, unreconciledQuantity: number | null, amazonReconciled: boolean }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ProductsPageQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ProductsPageQuery = { products: { edges: Array<{ node: { sku: string, missingUnits: number, expiredUnits: number, nextDeadline: string | null, byType: Array<{ type: MissingType, missingUnits: number }>, evidence: Array<{ units: number, state: WindowState }> } }> } };

export type RemovalShipmentsQueryVariables = Exact<{
  awaitingReceipt?: boolean | null | undefined;
  asOf?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RemovalShipmentsQuery = { removalShipments: { edges: Array<{ cursor: string, node: { orderId: string, trackingNumber: string, carrier: string | null, shipmentDate: string, shippedUnits: number, receivedUnits: number | null, product: { sku: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RemovalEvidenceQueryVariables = Exact<{
  sku: string;
  asOf?: string | null | undefined;
}>;


export type RemovalEvidenceQuery = { product: { evidence: Array<{ type: MissingType, date: string, units: number, state: WindowState, deadline: string, source: string, reference: string | null }> } | null };

export type SetRemovalPolicyMutationVariables = Exact<{
  input: SettingsInput;
}>;


export type SetRemovalPolicyMutation = { updateSettings:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'UpdateSettingsSuccess', account: { policy: Array<{ type: MissingType, inTransit: boolean, waitDays: number, deadlineDays: number, isDefault: boolean }> } }
   };

export type ProductEvidenceQueryVariables = Exact<{
  sku: string;
  asOf?: string | null | undefined;
  type?: MissingType | null | undefined;
}>;


export type ProductEvidenceQuery = { product: { sku: string, nextDeadline: string | null, evidence: Array<{ type: MissingType, date: string, units: number, state: WindowState, deadline: string, source: string, reference: string | null, reasonCode: string | null }> } | null };

export type SetCostOfAmountsMutationVariables = Exact<{
  sku: string;
  amount: string;
}>;


export type SetCostOfAmountsMutation = { setProductCost:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'SetProductCostSuccess', product: { purchaseCost: { amount: string } | null } }
   };

export type ImportStatusOfAmountsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ImportStatusOfAmountsQuery = { imports: { edges: Array<{ node: { id: string, fileName: string, status: string, errors: Array<{ line: number, column: string | null, message: string }> } }> } };

export type CostOfAmountsQueryVariables = Exact<{
  sku: string;
}>;


export type CostOfAmountsQuery = { product: { purchaseCost: { amount: string, currency: string } | null } | null };

export type HistoryQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  type?: MissingType | null | undefined;
  asOf?: string | null | undefined;
}>;


export type HistoryQuery = { history: { from: string, to: string, months: Array<{ month: string, missingUnits: number, claimedUnits: number, reimbursedUnits: number, expiredUnits: number, values: Array<{ currency: string, missing: { amount: string, currency: string }, claimed: { amount: string, currency: string }, reimbursed: { amount: string, currency: string }, expired: { amount: string, currency: string } }> }> } };

export type LatestImportQueryVariables = Exact<{ [key: string]: never; }>;


export type LatestImportQuery = { imports: { edges: Array<{ node: { id: string, status: string, errorCount: number, errors: Array<{ line: number, column: string | null, message: string }> } }> } };

export type ProductBySkuQueryVariables = Exact<{
  sku: string;
}>;


export type ProductBySkuQuery = { product: { sku: string, fnsku: string | null, asin: string | null, title: string | null, purchaseCost: { amount: string, currency: string } | null } | null };

export type RecentImportsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type RecentImportsQuery = { imports: { edges: Array<{ node: { id: string, fileName: string, kind: ReportKind, status: string, rows: number, inserted: number, duplicates: number, errors: Array<{ line: number }> } }>, pageInfo: { hasNextPage: boolean } } };

export type EverythingOfAnAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type EverythingOfAnAccountQuery = { imports: { edges: Array<{ node: { id: string } }> }, product: { sku: string } | null, products: { edges: Array<{ node: { sku: string } }> } };

export type ImportUploadMutationVariables = Exact<{
  file: File;
  kind?: ReportKind | null | undefined;
}>;


export type ImportUploadMutation = { importReport:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'ImportRefusedError', code: string, message: string, errors: Array<{ line: number, column: string | null, message: string }> }
    | { __typename: 'ImportReportSuccess', imports: Array<{ fileName: string, kind: ReportKind, status: string, rows: number, inserted: number, updated: number, duplicates: number }> }
   };

export type CorpusProductQueryVariables = Exact<{
  sku: string;
}>;


export type CorpusProductQuery = { product: { sku: string, title: string | null, purchaseCost: { amount: string, currency: string } | null } | null };

export type CaseStepsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CaseStepsSubscription = { caseUpdated: { kind: CaseEventKind, case: { id: string, status: CaseStatus, claimedUnits: number, reimbursedUnits: number, pendingUnits: number, closedAt: string | null, closedBy: string | null, reimbursed: Array<{ amount: string, currency: string }>, reimbursements: Array<{ reimbursementId: string, units: number, amount: { amount: string, currency: string } }>, items: Array<{ claimedUnits: number, reimbursedUnits: number, pendingUnits: number, reimbursed: Array<{ amount: string, currency: string }>, product: { sku: string, claimedUnits: number, missingUnits: number } }> } | null } };

export type CaseNowQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseNowQuery = { case: { id: string, status: CaseStatus, claimedUnits: number, reimbursedUnits: number, pendingUnits: number, closedAt: string | null, closedBy: string | null, reimbursed: Array<{ amount: string, currency: string }>, reimbursements: Array<{ reimbursementId: string, units: number, amount: { amount: string, currency: string } }>, items: Array<{ claimedUnits: number, reimbursedUnits: number, pendingUnits: number, reimbursed: Array<{ amount: string, currency: string }>, product: { sku: string, claimedUnits: number, missingUnits: number } }> } | null };

export type RestartImportsQueryVariables = Exact<{ [key: string]: never; }>;


export type RestartImportsQuery = { imports: { edges: Array<{ node: { id: string, fileName: string, status: string, rows: number, inserted: number, updated: number, duplicates: number } }> } };

export type RestartTotalsQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type RestartTotalsQuery = { viewer: { totals: { missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, reimbursable: Array<{ amount: string, currency: string }> } } };

export type ScaleOutCaseUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ScaleOutCaseUpdatesSubscription = { caseUpdated: { kind: CaseEventKind, caseId: string, case: { id: string, status: CaseStatus, reimbursedUnits: number } | null } };

export type ScaleOutImportsQueryVariables = Exact<{ [key: string]: never; }>;


export type ScaleOutImportsQuery = { imports: { edges: Array<{ node: { id: string, fileName: string, status: string, rows: number, inserted: number, updated: number, duplicates: number } }> } };

export type SharedCaseUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SharedCaseUpdatesSubscription = { caseUpdated: { kind: CaseEventKind, caseId: string, case: { id: string, status: CaseStatus, claimedUnits: number } | null } };

export type SharedCaseWithItemsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SharedCaseWithItemsSubscription = { caseUpdated: { kind: CaseEventKind, case: { id: string, amazonCaseId: string, type: MissingType, status: CaseStatus, claimedUnits: number, reimbursedUnits: number, openedAt: string, closedAt: string | null, description: string, items: Array<{ claimedUnits: number, reimbursedUnits: number, pendingUnits: number, reimbursed: Array<{ amount: string, currency: string }> }> } | null } };

export type SharedCaseNowQueryVariables = Exact<{
  id: string | number;
}>;


export type SharedCaseNowQuery = { case: { id: string, amazonCaseId: string, type: MissingType, status: CaseStatus, claimedUnits: number, reimbursedUnits: number, openedAt: string, closedAt: string | null, description: string, items: Array<{ claimedUnits: number, reimbursedUnits: number, pendingUnits: number, reimbursed: Array<{ amount: string, currency: string }> }> } | null };

export type SharedCaseHistorySubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SharedCaseHistorySubscription = { caseUpdated: { case: { id: string, history: Array<{ action: string }> } | null } };

export type CaseUpdatesSubscriptionVariables = Exact<{
  status?: CaseStatus | null | undefined;
}>;


export type CaseUpdatesSubscription = { caseUpdated: { kind: CaseEventKind, caseId: string, at: string, case: { id: string, status: CaseStatus, reimbursedUnits: number } | null } };

export type MissingChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MissingChangesSubscription = { missingChanged: { skus: Array<string>, at: string } };

export type DeadlinesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DeadlinesSubscription = { deadlineApproaching: { sku: string, type: MissingType, units: number, deadline: string } };

export type ParityMissingSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ParityMissingSubscription = { missingChanged: { skus: Array<string> } };

export type ConnectAmazonMutationVariables = Exact<{
  input: ConnectAmazonInput;
}>;


export type ConnectAmazonMutation = { connectAmazon:
    | { __typename: 'ConnectAmazonSuccess', syncStatus: { connection: { status: AmazonConnectionStatus, clientIdEnding: string, marketplaceIds: Array<string>, region: Region, syncEveryHours: number } } }
    | { __typename: 'DomainError', code: string, message: string }
   };

export type SyncAmazonMutationVariables = Exact<{ [key: string]: never; }>;


export type SyncAmazonMutation = { syncAmazon:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'SyncAmazonSuccess', syncStatus: { running: boolean } }
   };

export type DisconnectAmazonMutationVariables = Exact<{ [key: string]: never; }>;


export type DisconnectAmazonMutation = { disconnectAmazon:
    | { __typename: 'DisconnectAmazonSuccess', disconnected: boolean }
    | { __typename: 'DomainError', code: string, message: string }
   };

export type SyncStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type SyncStatusQuery = { syncStatus: { running: boolean, nextRunAt: string | null, lastSucceededAt: string | null, error: string | null, connection: { status: AmazonConnectionStatus, lastError: string | null, clientIdEnding: string, marketplaceIds: Array<string>, region: Region, syncEveryHours: number, connectedAt: string }, lastRun: { id: string, trigger: string, status: SyncRunStatus, startedAt: string, finishedAt: string | null, error: string | null, feeds: Array<{ feed: AmazonFeed, status: SyncFeedStatus, wakeAt: string | null, dataStart: string, dataEnd: string, amazonReportId: string | null, rows: number, inserted: number, updated: number, duplicates: number, error: string | null, finishedAt: string | null, imports: Array<{ id: string, kind: ReportKind, fileName: string, status: string, rows: number, inserted: number, duplicates: number, encoding: string | null }> }> } | null, runs: Array<{ id: string, status: SyncRunStatus }> } | null };

export type MissingViewQueryVariables = Exact<{
  asOf?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MissingViewQuery = { missingProducts: { edges: Array<{ cursor: string, node: { sku: string, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, unitValue: { amount: string, currency: string } | null, reimbursable: { amount: string, currency: string } | null, byType: Array<{ type: MissingType, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, reimbursable: { amount: string, currency: string } | null }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } }, viewer: { totals: { missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, reimbursable: Array<{ amount: string, currency: string }>, reimbursed: Array<{ amount: string, currency: string }> } } };

export type PayoutViewQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type PayoutViewQuery = { missingProducts: { edges: Array<{ node: { sku: string, payoutBasis: PayoutBasis | null, expectedPayout: { amount: string, currency: string } | null, byType: Array<{ type: MissingType, payoutBasis: PayoutBasis | null, expectedPayout: { amount: string, currency: string } | null }> } }> }, viewer: { totals: { expectedPayout: Array<{ amount: string, currency: string }>, underpaid: Array<{ amount: string, currency: string }> } }, underpaidReimbursements: { totalCount: number, edges: Array<{ node: { reimbursementId: string, approvalDate: string, type: MissingType, cashUnits: number, basis: PayoutBasis, product: { sku: string }, amountPerUnit: { amount: string, currency: string }, expectedPerUnit: { amount: string, currency: string }, underpaidBy: { amount: string, currency: string } } }> } };

export type RecordReceiptMutationVariables = Exact<{
  input: RemovalReceiptInput;
}>;


export type RecordReceiptMutation = { recordRemovalReceipt:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'RecordRemovalReceiptSuccess', shipment: { orderId: string, trackingNumber: string, carrier: string | null, shipmentDate: string, shippedUnits: number, receivedUnits: number | null, product: { sku: string } } }
   };

export type ImportReportMutationVariables = Exact<{
  file: File;
  kind?: ReportKind | null | undefined;
}>;


export type ImportReportMutation = { importReport:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'ImportRefusedError', code: string, message: string, errors: Array<{ line: number, column: string | null, message: string }>, refusedImport: { id: string, status: string } | null }
    | { __typename: 'ImportReportSuccess', import: { id: string, kind: ReportKind, fileName: string, status: string, rows: number, inserted: number, updated: number, duplicates: number, encoding: string | null, errors: Array<{ line: number, column: string | null, message: string }> } }
   };

export type HistoryChartQueryVariables = Exact<{ [key: string]: never; }>;


export type HistoryChartQuery = { history: { months: Array<{ month: string, missingUnits: number, claimedUnits: number, reimbursedUnits: number, expiredUnits: number, values: Array<{ currency: string, missing: { amount: string, currency: string }, claimed: { amount: string, currency: string }, reimbursed: { amount: string, currency: string }, expired: { amount: string, currency: string } }> }> } };

export type PhoneFirstPageQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type PhoneFirstPageQuery = { missingProducts: { totalCount: number, edges: Array<{ node: { sku: string, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, byType: Array<{ type: MissingType, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number }> } }> } };

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

export const TokensDocument = new TypedDocumentString(`
    query Tokens {
  viewer {
    id
    name
    tokens {
      id
      label
      createdAt
      lastUsedAt
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<TokensQuery, TokensQueryVariables>;
export const CreateTokenDocument = new TypedDocumentString(`
    mutation CreateToken($label: String, $account: String) {
  createToken(label: $label, account: $account) {
    __typename
    ... on CreateTokenSuccess {
      token
      apiToken {
        id
        label
        revokedAt
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTokenMutation, CreateTokenMutationVariables>;
export const RevokeTokenDocument = new TypedDocumentString(`
    mutation RevokeToken($id: ID!) {
  revokeToken(id: $id) {
    __typename
    ... on RevokeTokenSuccess {
      apiToken {
        id
        label
        revokedAt
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const ImportShipmentItemsDocument = new TypedDocumentString(`
    mutation ImportShipmentItems($file: File!, $shipmentId: String) {
  importReport(file: $file, shipmentId: $shipmentId) {
    __typename
    ... on ImportReportSuccess {
      import {
        status
        rows
        inserted
      }
    }
    ... on ImportRefusedError {
      code
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
    `) as unknown as TypedDocumentString<ImportShipmentItemsMutation, ImportShipmentItemsMutationVariables>;
export const SyncStatusChangedDocument = new TypedDocumentString(`
    subscription SyncStatusChanged {
  syncStatusChanged {
    running
    lastRun {
      id
      status
      feeds {
        feed
        status
      }
    }
    connection {
      status
    }
  }
}
    `) as unknown as TypedDocumentString<SyncStatusChangedSubscription, SyncStatusChangedSubscriptionVariables>;
export const ProductTitleDocument = new TypedDocumentString(`
    query ProductTitle($sku: String!) {
  product(sku: $sku) {
    sku
    title
  }
}
    `) as unknown as TypedDocumentString<ProductTitleQuery, ProductTitleQueryVariables>;
export const CapNumbersDocument = new TypedDocumentString(`
    query CapNumbers($asOf: DateTime) {
  product(sku: "SKU-CAP-04", asOf: $asOf) {
    missingUnits
    claimableUnits
    expiredUnits
    evidence {
      date
      units
      state
      reference
    }
  }
}
    `) as unknown as TypedDocumentString<CapNumbersQuery, CapNumbersQueryVariables>;
export const SyncTotalsDocument = new TypedDocumentString(`
    query SyncTotals($asOf: DateTime) {
  viewer {
    totals(asOf: $asOf) {
      missingUnits
      claimableUnits
    }
  }
}
    `) as unknown as TypedDocumentString<SyncTotalsQuery, SyncTotalsQueryVariables>;
export const ConcurrentCaseUpdatesDocument = new TypedDocumentString(`
    subscription ConcurrentCaseUpdates {
  caseUpdated {
    kind
    caseId
  }
}
    `) as unknown as TypedDocumentString<ConcurrentCaseUpdatesSubscription, ConcurrentCaseUpdatesSubscriptionVariables>;
export const CaseHistoryDocument = new TypedDocumentString(`
    query CaseHistory($id: ID!) {
  case(id: $id) {
    id
    status
    closedAt
    closedBy
    claimedUnits
    reimbursedUnits
    pendingUnits
    history {
      at
      actor
      action
      details
    }
  }
}
    `) as unknown as TypedDocumentString<CaseHistoryQuery, CaseHistoryQueryVariables>;
export const CaseDocumentsDocument = new TypedDocumentString(`
    query CaseDocuments($id: ID!) {
  case(id: $id) {
    id
    amazonCaseId
    description
    documentUrl
    items {
      product {
        sku
      }
      claimedUnits
      documentUrl
    }
  }
}
    `) as unknown as TypedDocumentString<CaseDocumentsQuery, CaseDocumentsQueryVariables>;
export const ProductSnapshotDocument = new TypedDocumentString(`
    query ProductSnapshot($sku: String!, $asOf: DateTime) {
  product(sku: $sku, asOf: $asOf) {
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
    byType {
      type
      missingUnits
      claimableUnits
      claimedUnits
      expiredUnits
      nextDeadline
      reimbursable {
        amount
        currency
      }
    }
    evidence {
      type
      date
      units
      state
      deadline
      source
      reference
    }
    cases {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ProductSnapshotQuery, ProductSnapshotQueryVariables>;
export const MissingSnapshotDocument = new TypedDocumentString(`
    query MissingSnapshot($asOf: DateTime) {
  missingProducts(asOf: $asOf, first: 100) {
    edges {
      node {
        sku
        missingUnits
        claimableUnits
        claimedUnits
        expiredUnits
        nextDeadline
        reimbursable {
          amount
          currency
        }
        byType {
          type
          missingUnits
          claimableUnits
          claimedUnits
          expiredUnits
          nextDeadline
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MissingSnapshotQuery, MissingSnapshotQueryVariables>;
export const ViewerIdentityDocument = new TypedDocumentString(`
    query ViewerIdentity {
  viewer {
    id
    name
    region
    descriptionLanguage
  }
}
    `) as unknown as TypedDocumentString<ViewerIdentityQuery, ViewerIdentityQueryVariables>;
export const SetDescriptionLanguageDocument = new TypedDocumentString(`
    mutation SetDescriptionLanguage($language: DescriptionLanguage!) {
  updateSettings(input: {descriptionLanguage: $language}) {
    __typename
    ... on Error {
      code
      message
    }
    ... on UpdateSettingsSuccess {
      account {
        id
        region
        descriptionLanguage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SetDescriptionLanguageMutation, SetDescriptionLanguageMutationVariables>;
export const RecordMugReceiptDocument = new TypedDocumentString(`
    mutation RecordMugReceipt($input: RemovalReceiptInput!) {
  recordRemovalReceipt(input: $input) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RecordMugReceiptMutation, RecordMugReceiptMutationVariables>;
export const RemovalDraftDocument = new TypedDocumentString(`
    query RemovalDraft($skus: [String!]!, $asOf: DateTime) {
  claimDraft(type: REMOVAL, skus: $skus, asOf: $asOf) {
    units
    expectedPayout {
      amount
      currency
    }
    payoutBasis
    evidence {
      source
      reference
      trackingNumber
      carrier
      removal {
        requested
        cancelled
        disposed
        shipped
        received
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RemovalDraftQuery, RemovalDraftQueryVariables>;
export const OpenCaseDocument = new TypedDocumentString(`
    mutation OpenCase($input: OpenCaseInput!) {
  openCase(input: $input) {
    __typename
    ... on Error {
      code
      message
    }
    ... on OpenCaseSuccess {
      case {
        id
        amazonCaseId
        type
        status
        claimedUnits
        reimbursedUnits
        pendingUnits
        openedAt
        closedAt
        closedBy
        reimbursed {
          amount
          currency
        }
        description
        documentUrl
        caseLogUrl
        items {
          product {
            sku
          }
          claimedUnits
          reimbursedUnits
          pendingUnits
          reimbursed {
            amount
            currency
          }
          documentUrl
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OpenCaseMutation, OpenCaseMutationVariables>;
export const CloseCaseDocument = new TypedDocumentString(`
    mutation CloseCase($id: ID!) {
  closeCase(id: $id) {
    __typename
    ... on Error {
      code
      message
    }
    ... on CloseCaseSuccess {
      case {
        id
        status
        closedAt
        closedBy
        pendingUnits
        reimbursedUnits
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CloseCaseMutation, CloseCaseMutationVariables>;
export const DeleteCaseDocument = new TypedDocumentString(`
    mutation DeleteCase($id: ID!) {
  deleteCase(id: $id) {
    __typename
    ... on Error {
      code
      message
    }
    ... on DeleteCaseSuccess {
      deletedCaseId
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteCaseMutation, DeleteCaseMutationVariables>;
export const CaseByIdDocument = new TypedDocumentString(`
    query CaseById($id: ID!) {
  case(id: $id) {
    id
    amazonCaseId
    type
    status
    claimedUnits
    reimbursedUnits
    pendingUnits
    openedAt
    closedAt
    closedBy
    reimbursed {
      amount
      currency
    }
    reimbursements {
      reimbursementId
      approvalDate
      reason
      sku
      units
      amount {
        amount
        currency
      }
    }
    items {
      product {
        sku
      }
      claimedUnits
      reimbursedUnits
      pendingUnits
      reimbursed {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseByIdQuery, CaseByIdQueryVariables>;
export const CaseListDocument = new TypedDocumentString(`
    query CaseList($status: CaseStatus) {
  cases(status: $status, first: 50) {
    edges {
      node {
        id
        amazonCaseId
        status
        type
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseListQuery, CaseListQueryVariables>;
export const ProductNumbersDocument = new TypedDocumentString(`
    query ProductNumbers($sku: String!, $asOf: DateTime) {
  product(sku: $sku, asOf: $asOf) {
    sku
    missingUnits
    claimableUnits
    claimedUnits
    expiredUnits
    nextDeadline
    cases {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ProductNumbersQuery, ProductNumbersQueryVariables>;
export const TotalsDocument = new TypedDocumentString(`
    query Totals($asOf: DateTime) {
  viewer {
    totals(asOf: $asOf) {
      missingUnits
      claimableUnits
      claimedUnits
      expiredUnits
      reimbursable {
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
export const DraftDocument = new TypedDocumentString(`
    query Draft($type: MissingType!, $skus: [String!]!, $asOf: DateTime) {
  claimDraft(type: $type, skus: $skus, asOf: $asOf) {
    units
    reimbursable {
      amount
      currency
    }
    documentUrl
    description
    sellerCentralUrl
    guidance
    evidence {
      type
      date
      units
      state
      deadline
      source
      reference
    }
    items {
      product {
        sku
      }
      units
      reimbursable {
        amount
        currency
      }
      evidence {
        date
        units
        reference
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DraftQuery, DraftQueryVariables>;
export const UnderpaidReviewDocument = new TypedDocumentString(`
    query UnderpaidReview($language: DescriptionLanguage) {
  underpaidReimbursements(first: 10) {
    edges {
      node {
        reimbursementId
        documentUrl
        description(language: $language)
        sellerCentralUrl
        guidance
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnderpaidReviewQuery, UnderpaidReviewQueryVariables>;
export const CliTotalsDocument = new TypedDocumentString(`
    query CliTotals($asOf: DateTime) {
  viewer {
    name
    region
    totals(asOf: $asOf) {
      missingUnits
      claimableUnits
      expiredUnits
      reimbursable {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CliTotalsQuery, CliTotalsQueryVariables>;
export const DemoRemovalsDocument = new TypedDocumentString(`
    query DemoRemovals($asOf: DateTime) {
  missingProducts(asOf: $asOf, first: 100) {
    edges {
      node {
        sku
        byType {
          type
          missingUnits
          claimableUnits
        }
        evidence(type: REMOVAL) {
          state
          source
        }
      }
    }
    pageInfo {
      hasNextPage
    }
  }
  removalShipments(awaitingReceipt: true, asOf: $asOf, first: 100) {
    edges {
      node {
        orderId
        trackingNumber
        carrier
        shippedUnits
        receivedUnits
      }
    }
  }
  imports(first: 20) {
    edges {
      node {
        kind
        status
        rows
        inserted
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DemoRemovalsQuery, DemoRemovalsQueryVariables>;
export const DashboardNumbersDocument = new TypedDocumentString(`
    query DashboardNumbers($asOf: DateTime, $type: MissingType, $first: Int) {
  missingProducts(asOf: $asOf, type: $type, first: $first) {
    totalCount
    edges {
      node {
        sku
        missingUnits
        claimableUnits
        reimbursable {
          amount
          currency
        }
        claimableReimbursable {
          amount
          currency
        }
        byType {
          type
          claimableUnits
          claimableReimbursable {
            amount
            currency
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardNumbersQuery, DashboardNumbersQueryVariables>;
export const DashboardGuidanceDocument = new TypedDocumentString(`
    query DashboardGuidance($language: DescriptionLanguage) {
  claimDraft(type: LOST, skus: ["SKU-MUG-01"]) {
    guidance(language: $language)
  }
  underpaidReimbursements(first: 1) {
    edges {
      node {
        guidance(language: $language)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardGuidanceQuery, DashboardGuidanceQueryVariables>;
export const AmazonAvailabilityDocument = new TypedDocumentString(`
    query AmazonAvailability {
  amazonConnectionAvailable
}
    `) as unknown as TypedDocumentString<AmazonAvailabilityQuery, AmazonAvailabilityQueryVariables>;
export const MissingPageDocument = new TypedDocumentString(`
    query MissingPage($first: Int, $asOf: DateTime) {
  missingProducts(first: $first, asOf: $asOf) {
    edges {
      node {
        sku
        fnsku
        asin
        title
        lastSalePrice {
          amount
          currency
        }
        purchaseCost {
          amount
          currency
        }
        unitValue {
          amount
          currency
        }
        missingUnits
        claimableUnits
        claimedUnits
        expiredUnits
        nextDeadline
        reimbursable {
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
          reimbursable {
            amount
            currency
          }
          expectedPayout {
            amount
            currency
          }
          payoutBasis
        }
        evidence {
          type
          date
          units
          state
          deadline
          source
          reference
          reconciledQuantity
          unreconciledQuantity
          amazonReconciled
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MissingPageQuery, MissingPageQueryVariables>;
export const ProductsPageDocument = new TypedDocumentString(`
    query ProductsPage($first: Int) {
  products(first: $first) {
    edges {
      node {
        sku
        missingUnits
        expiredUnits
        nextDeadline
        byType {
          type
          missingUnits
        }
        evidence {
          units
          state
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProductsPageQuery, ProductsPageQueryVariables>;
export const RemovalShipmentsDocument = new TypedDocumentString(`
    query RemovalShipments($awaitingReceipt: Boolean, $asOf: DateTime, $first: Int, $after: String) {
  removalShipments(
    awaitingReceipt: $awaitingReceipt
    asOf: $asOf
    first: $first
    after: $after
  ) {
    edges {
      cursor
      node {
        orderId
        trackingNumber
        carrier
        shipmentDate
        product {
          sku
        }
        shippedUnits
        receivedUnits
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<RemovalShipmentsQuery, RemovalShipmentsQueryVariables>;
export const RemovalEvidenceDocument = new TypedDocumentString(`
    query RemovalEvidence($sku: String!, $asOf: DateTime) {
  product(sku: $sku, asOf: $asOf) {
    evidence(type: REMOVAL) {
      type
      date
      units
      state
      deadline
      source
      reference
    }
  }
}
    `) as unknown as TypedDocumentString<RemovalEvidenceQuery, RemovalEvidenceQueryVariables>;
export const SetRemovalPolicyDocument = new TypedDocumentString(`
    mutation SetRemovalPolicy($input: SettingsInput!) {
  updateSettings(input: $input) {
    __typename
    ... on UpdateSettingsSuccess {
      account {
        policy {
          type
          inTransit
          waitDays
          deadlineDays
          isDefault
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SetRemovalPolicyMutation, SetRemovalPolicyMutationVariables>;
export const ProductEvidenceDocument = new TypedDocumentString(`
    query ProductEvidence($sku: String!, $asOf: DateTime, $type: MissingType) {
  product(sku: $sku, asOf: $asOf) {
    sku
    nextDeadline
    evidence(type: $type) {
      type
      date
      units
      state
      deadline
      source
      reference
      reasonCode
    }
  }
}
    `) as unknown as TypedDocumentString<ProductEvidenceQuery, ProductEvidenceQueryVariables>;
export const SetCostOfAmountsDocument = new TypedDocumentString(`
    mutation SetCostOfAmounts($sku: String!, $amount: String!) {
  setProductCost(sku: $sku, cost: {amount: $amount, currency: "USD"}) {
    __typename
    ... on Error {
      code
      message
    }
    ... on SetProductCostSuccess {
      product {
        purchaseCost {
          amount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SetCostOfAmountsMutation, SetCostOfAmountsMutationVariables>;
export const ImportStatusOfAmountsDocument = new TypedDocumentString(`
    query ImportStatusOfAmounts($first: Int) {
  imports(first: $first) {
    edges {
      node {
        id
        fileName
        status
        errors {
          line
          column
          message
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImportStatusOfAmountsQuery, ImportStatusOfAmountsQueryVariables>;
export const CostOfAmountsDocument = new TypedDocumentString(`
    query CostOfAmounts($sku: String!) {
  product(sku: $sku) {
    purchaseCost {
      amount
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<CostOfAmountsQuery, CostOfAmountsQueryVariables>;
export const HistoryDocument = new TypedDocumentString(`
    query History($from: Date, $to: Date, $type: MissingType, $asOf: DateTime) {
  history(from: $from, to: $to, type: $type, asOf: $asOf) {
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
export const LatestImportDocument = new TypedDocumentString(`
    query LatestImport {
  imports(first: 1) {
    edges {
      node {
        id
        status
        errorCount
        errors {
          line
          column
          message
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LatestImportQuery, LatestImportQueryVariables>;
export const ProductBySkuDocument = new TypedDocumentString(`
    query ProductBySku($sku: String!) {
  product(sku: $sku) {
    sku
    fnsku
    asin
    title
    purchaseCost {
      amount
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<ProductBySkuQuery, ProductBySkuQueryVariables>;
export const RecentImportsDocument = new TypedDocumentString(`
    query RecentImports($first: Int) {
  imports(first: $first) {
    edges {
      node {
        id
        fileName
        kind
        status
        rows
        inserted
        duplicates
        errors {
          line
        }
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<RecentImportsQuery, RecentImportsQueryVariables>;
export const EverythingOfAnAccountDocument = new TypedDocumentString(`
    query EverythingOfAnAccount {
  imports(first: 50) {
    edges {
      node {
        id
      }
    }
  }
  product(sku: "SKU-MUG-01") {
    sku
  }
  products(first: 10) {
    edges {
      node {
        sku
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EverythingOfAnAccountQuery, EverythingOfAnAccountQueryVariables>;
export const ImportUploadDocument = new TypedDocumentString(`
    mutation ImportUpload($file: File!, $kind: ReportKind) {
  importReport(file: $file, kind: $kind) {
    __typename
    ... on ImportReportSuccess {
      imports {
        fileName
        kind
        status
        rows
        inserted
        updated
        duplicates
      }
    }
    ... on Error {
      code
      message
    }
    ... on ImportRefusedError {
      errors {
        line
        column
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImportUploadMutation, ImportUploadMutationVariables>;
export const CorpusProductDocument = new TypedDocumentString(`
    query CorpusProduct($sku: String!) {
  product(sku: $sku) {
    sku
    title
    purchaseCost {
      amount
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<CorpusProductQuery, CorpusProductQueryVariables>;
export const CaseStepsDocument = new TypedDocumentString(`
    subscription CaseSteps {
  caseUpdated {
    kind
    case {
      id
      status
      claimedUnits
      reimbursedUnits
      pendingUnits
      closedAt
      closedBy
      reimbursed {
        amount
        currency
      }
      reimbursements {
        reimbursementId
        units
        amount {
          amount
          currency
        }
      }
      items {
        claimedUnits
        reimbursedUnits
        pendingUnits
        reimbursed {
          amount
          currency
        }
        product {
          sku
          claimedUnits
          missingUnits
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseStepsSubscription, CaseStepsSubscriptionVariables>;
export const CaseNowDocument = new TypedDocumentString(`
    query CaseNow($id: ID!) {
  case(id: $id) {
    id
    status
    claimedUnits
    reimbursedUnits
    pendingUnits
    closedAt
    closedBy
    reimbursed {
      amount
      currency
    }
    reimbursements {
      reimbursementId
      units
      amount {
        amount
        currency
      }
    }
    items {
      claimedUnits
      reimbursedUnits
      pendingUnits
      reimbursed {
        amount
        currency
      }
      product {
        sku
        claimedUnits
        missingUnits
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseNowQuery, CaseNowQueryVariables>;
export const RestartImportsDocument = new TypedDocumentString(`
    query RestartImports {
  imports(first: 50) {
    edges {
      node {
        id
        fileName
        status
        rows
        inserted
        updated
        duplicates
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RestartImportsQuery, RestartImportsQueryVariables>;
export const RestartTotalsDocument = new TypedDocumentString(`
    query RestartTotals($asOf: DateTime) {
  viewer {
    totals(asOf: $asOf) {
      missingUnits
      claimableUnits
      claimedUnits
      expiredUnits
      reimbursable {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RestartTotalsQuery, RestartTotalsQueryVariables>;
export const ScaleOutCaseUpdatesDocument = new TypedDocumentString(`
    subscription ScaleOutCaseUpdates {
  caseUpdated {
    kind
    caseId
    case {
      id
      status
      reimbursedUnits
    }
  }
}
    `) as unknown as TypedDocumentString<ScaleOutCaseUpdatesSubscription, ScaleOutCaseUpdatesSubscriptionVariables>;
export const ScaleOutImportsDocument = new TypedDocumentString(`
    query ScaleOutImports {
  imports(first: 50) {
    edges {
      node {
        id
        fileName
        status
        rows
        inserted
        updated
        duplicates
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScaleOutImportsQuery, ScaleOutImportsQueryVariables>;
export const SharedCaseUpdatesDocument = new TypedDocumentString(`
    subscription SharedCaseUpdates {
  caseUpdated {
    kind
    caseId
    case {
      id
      status
      claimedUnits
    }
  }
}
    `) as unknown as TypedDocumentString<SharedCaseUpdatesSubscription, SharedCaseUpdatesSubscriptionVariables>;
export const SharedCaseWithItemsDocument = new TypedDocumentString(`
    subscription SharedCaseWithItems {
  caseUpdated {
    kind
    case {
      id
      amazonCaseId
      type
      status
      claimedUnits
      reimbursedUnits
      openedAt
      closedAt
      description
      items {
        claimedUnits
        reimbursedUnits
        pendingUnits
        reimbursed {
          amount
          currency
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SharedCaseWithItemsSubscription, SharedCaseWithItemsSubscriptionVariables>;
export const SharedCaseNowDocument = new TypedDocumentString(`
    query SharedCaseNow($id: ID!) {
  case(id: $id) {
    id
    amazonCaseId
    type
    status
    claimedUnits
    reimbursedUnits
    openedAt
    closedAt
    description
    items {
      claimedUnits
      reimbursedUnits
      pendingUnits
      reimbursed {
        amount
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SharedCaseNowQuery, SharedCaseNowQueryVariables>;
export const SharedCaseHistoryDocument = new TypedDocumentString(`
    subscription SharedCaseHistory {
  caseUpdated {
    case {
      id
      history {
        action
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SharedCaseHistorySubscription, SharedCaseHistorySubscriptionVariables>;
export const CaseUpdatesDocument = new TypedDocumentString(`
    subscription CaseUpdates($status: CaseStatus) {
  caseUpdated(status: $status) {
    kind
    caseId
    at
    case {
      id
      status
      reimbursedUnits
    }
  }
}
    `) as unknown as TypedDocumentString<CaseUpdatesSubscription, CaseUpdatesSubscriptionVariables>;
export const MissingChangesDocument = new TypedDocumentString(`
    subscription MissingChanges {
  missingChanged {
    skus
    at
  }
}
    `) as unknown as TypedDocumentString<MissingChangesSubscription, MissingChangesSubscriptionVariables>;
export const DeadlinesDocument = new TypedDocumentString(`
    subscription Deadlines {
  deadlineApproaching {
    sku
    type
    units
    deadline
  }
}
    `) as unknown as TypedDocumentString<DeadlinesSubscription, DeadlinesSubscriptionVariables>;
export const ParityMissingDocument = new TypedDocumentString(`
    subscription ParityMissing {
  missingChanged {
    skus
  }
}
    `) as unknown as TypedDocumentString<ParityMissingSubscription, ParityMissingSubscriptionVariables>;
export const ConnectAmazonDocument = new TypedDocumentString(`
    mutation ConnectAmazon($input: ConnectAmazonInput!) {
  connectAmazon(input: $input) {
    __typename
    ... on ConnectAmazonSuccess {
      syncStatus {
        connection {
          status
          clientIdEnding
          marketplaceIds
          region
          syncEveryHours
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConnectAmazonMutation, ConnectAmazonMutationVariables>;
export const SyncAmazonDocument = new TypedDocumentString(`
    mutation SyncAmazon {
  syncAmazon {
    __typename
    ... on SyncAmazonSuccess {
      syncStatus {
        running
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SyncAmazonMutation, SyncAmazonMutationVariables>;
export const DisconnectAmazonDocument = new TypedDocumentString(`
    mutation DisconnectAmazon {
  disconnectAmazon {
    __typename
    ... on DisconnectAmazonSuccess {
      disconnected
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DisconnectAmazonMutation, DisconnectAmazonMutationVariables>;
export const SyncStatusDocument = new TypedDocumentString(`
    query SyncStatus {
  syncStatus {
    running
    nextRunAt
    lastSucceededAt
    error
    connection {
      status
      lastError
      clientIdEnding
      marketplaceIds
      region
      syncEveryHours
      connectedAt
    }
    lastRun {
      id
      trigger
      status
      startedAt
      finishedAt
      error
      feeds {
        feed
        status
        wakeAt
        dataStart
        dataEnd
        amazonReportId
        rows
        inserted
        updated
        duplicates
        error
        finishedAt
        imports {
          id
          kind
          fileName
          status
          rows
          inserted
          duplicates
          encoding
        }
      }
    }
    runs(first: 5) {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<SyncStatusQuery, SyncStatusQueryVariables>;
export const MissingViewDocument = new TypedDocumentString(`
    query MissingView($asOf: DateTime, $first: Int, $after: String) {
  missingProducts(asOf: $asOf, first: $first, after: $after) {
    edges {
      cursor
      node {
        sku
        missingUnits
        claimableUnits
        claimedUnits
        expiredUnits
        nextDeadline
        unitValue {
          amount
          currency
        }
        reimbursable {
          amount
          currency
        }
        byType {
          type
          missingUnits
          claimableUnits
          claimedUnits
          expiredUnits
          nextDeadline
          reimbursable {
            amount
            currency
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
  viewer {
    totals(asOf: $asOf) {
      missingUnits
      claimableUnits
      claimedUnits
      expiredUnits
      reimbursable {
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
    `) as unknown as TypedDocumentString<MissingViewQuery, MissingViewQueryVariables>;
export const PayoutViewDocument = new TypedDocumentString(`
    query PayoutView($asOf: DateTime) {
  missingProducts(asOf: $asOf, first: 50) {
    edges {
      node {
        sku
        expectedPayout {
          amount
          currency
        }
        payoutBasis
        byType {
          type
          expectedPayout {
            amount
            currency
          }
          payoutBasis
        }
      }
    }
  }
  viewer {
    totals(asOf: $asOf) {
      expectedPayout {
        amount
        currency
      }
      underpaid {
        amount
        currency
      }
    }
  }
  underpaidReimbursements(first: 10) {
    totalCount
    edges {
      node {
        reimbursementId
        approvalDate
        product {
          sku
        }
        type
        cashUnits
        basis
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
    }
  }
}
    `) as unknown as TypedDocumentString<PayoutViewQuery, PayoutViewQueryVariables>;
export const RecordReceiptDocument = new TypedDocumentString(`
    mutation RecordReceipt($input: RemovalReceiptInput!) {
  recordRemovalReceipt(input: $input) {
    __typename
    ... on RecordRemovalReceiptSuccess {
      shipment {
        orderId
        trackingNumber
        carrier
        shipmentDate
        product {
          sku
        }
        shippedUnits
        receivedUnits
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RecordReceiptMutation, RecordReceiptMutationVariables>;
export const ImportReportDocument = new TypedDocumentString(`
    mutation ImportReport($file: File!, $kind: ReportKind) {
  importReport(file: $file, kind: $kind) {
    __typename
    ... on ImportReportSuccess {
      import {
        id
        kind
        fileName
        status
        rows
        inserted
        updated
        duplicates
        encoding
        errors {
          line
          column
          message
        }
      }
    }
    ... on Error {
      code
      message
    }
    ... on ImportRefusedError {
      errors {
        line
        column
        message
      }
      refusedImport {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImportReportMutation, ImportReportMutationVariables>;
export const HistoryChartDocument = new TypedDocumentString(`
    query HistoryChart {
  history {
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
    `) as unknown as TypedDocumentString<HistoryChartQuery, HistoryChartQueryVariables>;
export const PhoneFirstPageDocument = new TypedDocumentString(`
    query PhoneFirstPage($first: Int) {
  missingProducts(first: $first) {
    totalCount
    edges {
      node {
        sku
        missingUnits
        claimableUnits
        claimedUnits
        expiredUnits
        byType {
          type
          missingUnits
          claimableUnits
          claimedUnits
          expiredUnits
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PhoneFirstPageQuery, PhoneFirstPageQueryVariables>;