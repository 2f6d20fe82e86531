/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment SyncStatusFields on SyncStatus {\n  running nextRunAt error\n  connection { status marketplaceIds clientIdEnding }\n  lastRun { id status startedAt finishedAt feeds { feed status wakeAt rows inserted duplicates error } }\n}": typeof types.SyncStatusFieldsFragmentDoc,
    "query SyncStatus { amazonConnectionAvailable syncStatus { ...SyncStatusFields } }": typeof types.SyncStatusDocument,
    "subscription SyncStatusChanges { syncStatusChanged { ...SyncStatusFields } }": typeof types.SyncStatusChangesDocument,
    "mutation Connect($input: ConnectAmazonInput!) {\n  connectAmazon(input: $input) { __typename ... on Error { code message } }\n}": typeof types.ConnectDocument,
    "mutation Sync { syncAmazon { __typename ... on Error { code message } } }": typeof types.SyncDocument,
    "query Cases {\n  cases(first: 100) { edges { node {\n    id amazonCaseId caseLogUrl type status claimedUnits reimbursedUnits reimbursed { amount currency } openedAt\n    documentUrl items { product { sku } }\n  } } }\n}": typeof types.CasesDocument,
    "mutation Close($id: ID!) { closeCase(id: $id) { __typename ... on Error { code message } } }": typeof types.CloseDocument,
    "mutation Delete($id: ID!) { deleteCase(id: $id) { __typename ... on Error { code message } } }": typeof types.DeleteDocument,
    "query History { history { from to months {\n  month missingUnits claimedUnits reimbursedUnits expiredUnits\n  values { currency missing { amount currency } claimed { amount currency } reimbursed { amount currency }\n    expired { amount currency } } } } }": typeof types.HistoryDocument,
    "query Imports { imports(first: 50) { edges { node {\n  id fileName kind status rows inserted duplicates errorCount errors { line column message } createdAt\n} } } }": typeof types.ImportsDocument,
    "subscription Progress($id: ID!) { importProgress(id: $id) { status rowsRead } }": typeof types.ProgressDocument,
    "mutation Import($file: File!, $kind: ReportKind) {\n  importReport(file: $file, kind: $kind, wait: false) {\n    __typename\n    ... on ImportReportSuccess { import { id status rows } }\n    ... on ImportRefusedError { message errors { line column message } }\n    ... on Error { code message }\n  }\n}": typeof types.ImportDocument,
    "subscription CaseUpdates { caseUpdated { kind caseId } }": typeof types.CaseUpdatesDocument,
    "subscription MissingChanges { missingChanged { skus } }": typeof types.MissingChangesDocument,
    "subscription DeadlineAlerts { deadlineApproaching { sku type units deadline } }": typeof types.DeadlineAlertsDocument,
    "query Viewer { viewer { id } }": typeof types.ViewerDocument,
    "query Header { serverTime viewer { name region } }": typeof types.HeaderDocument,
    "query Totals { viewer { totals {\n  missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency }\n  expectedPayout { amount currency } underpaid { amount currency } reimbursed { amount currency } } } }": typeof types.TotalsDocument,
    "query Missing($type: MissingType, $first: Int, $after: String) {\n  missingProducts(type: $type, first: $first, after: $after) {\n    totalCount\n    edges { node { sku title missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n      reimbursable { amount currency } claimableReimbursable { amount currency }\n      unitValue { amount currency } lastSalePrice { amount currency } expectedPayout { amount currency } payoutBasis\n      byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline payoutBasis } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": typeof types.MissingDocument,
    "query WithoutCost {\n  missingProducts(first: 100) {\n    edges { node { sku missingUnits payoutBasis byType { type missingUnits payoutBasis } } }\n    pageInfo { hasNextPage }\n  }\n}": typeof types.WithoutCostDocument,
    "query AwaitingReceipt {\n  removalShipments(awaitingReceipt: true, first: 20) {\n    edges { node { orderId trackingNumber carrier shipmentDate product { sku title } shippedUnits } }\n  }\n}": typeof types.AwaitingReceiptDocument,
    "mutation RecordRemovalReceipt($input: RemovalReceiptInput!) {\n  recordRemovalReceipt(input: $input) { __typename ... on Error { code message } }\n}": typeof types.RecordRemovalReceiptDocument,
    "query Underpaid($first: Int, $after: String) {\n  underpaidReimbursements(first: $first, after: $after) {\n    totalCount\n    edges { node { reimbursementId approvalDate type cashUnits basis product { sku title }\n      amountPerUnit { amount currency } expectedPerUnit { amount currency } underpaidBy { amount currency } } cursor }\n    pageInfo { hasNextPage endCursor }\n  }\n}": typeof types.UnderpaidDocument,
    "query UnderpaidReview($first: Int, $after: String, $language: DescriptionLanguage) {\n  underpaidReimbursements(first: $first, after: $after) {\n    edges { node { reimbursementId documentUrl description sellerCentralUrl guidance(language: $language) } }\n  }\n}": typeof types.UnderpaidReviewDocument,
    "query Draft($type: MissingType!, $skus: [String!]!, $language: DescriptionLanguage) {\n  claimDraft(type: $type, skus: $skus) {\n    units reimbursable { amount currency } expectedPayout { amount currency } payoutBasis\n    documentUrl description sellerCentralUrl guidance(language: $language)\n    items { units expectedPayout { amount currency } payoutBasis product { sku title }\n      evidence { date units source reference reconciledQuantity unreconciledQuantity amazonReconciled } }\n  }\n}": typeof types.DraftDocument,
    "query Candidates($type: MissingType) {\n  missingProducts(type: $type, first: 100) { edges { node { sku claimableUnits } } }\n}": typeof types.CandidatesDocument,
    "mutation OpenCase($input: OpenCaseInput!) {\n  openCase(input: $input) {\n    __typename\n    ... on OpenCaseSuccess { case { id amazonCaseId } }\n    ... on Error { code message }\n  }\n}": typeof types.OpenCaseDocument,
};
const documents: Documents = {
    "fragment SyncStatusFields on SyncStatus {\n  running nextRunAt error\n  connection { status marketplaceIds clientIdEnding }\n  lastRun { id status startedAt finishedAt feeds { feed status wakeAt rows inserted duplicates error } }\n}": types.SyncStatusFieldsFragmentDoc,
    "query SyncStatus { amazonConnectionAvailable syncStatus { ...SyncStatusFields } }": types.SyncStatusDocument,
    "subscription SyncStatusChanges { syncStatusChanged { ...SyncStatusFields } }": types.SyncStatusChangesDocument,
    "mutation Connect($input: ConnectAmazonInput!) {\n  connectAmazon(input: $input) { __typename ... on Error { code message } }\n}": types.ConnectDocument,
    "mutation Sync { syncAmazon { __typename ... on Error { code message } } }": types.SyncDocument,
    "query Cases {\n  cases(first: 100) { edges { node {\n    id amazonCaseId caseLogUrl type status claimedUnits reimbursedUnits reimbursed { amount currency } openedAt\n    documentUrl items { product { sku } }\n  } } }\n}": types.CasesDocument,
    "mutation Close($id: ID!) { closeCase(id: $id) { __typename ... on Error { code message } } }": types.CloseDocument,
    "mutation Delete($id: ID!) { deleteCase(id: $id) { __typename ... on Error { code message } } }": types.DeleteDocument,
    "query History { history { from to months {\n  month missingUnits claimedUnits reimbursedUnits expiredUnits\n  values { currency missing { amount currency } claimed { amount currency } reimbursed { amount currency }\n    expired { amount currency } } } } }": types.HistoryDocument,
    "query Imports { imports(first: 50) { edges { node {\n  id fileName kind status rows inserted duplicates errorCount errors { line column message } createdAt\n} } } }": types.ImportsDocument,
    "subscription Progress($id: ID!) { importProgress(id: $id) { status rowsRead } }": types.ProgressDocument,
    "mutation Import($file: File!, $kind: ReportKind) {\n  importReport(file: $file, kind: $kind, wait: false) {\n    __typename\n    ... on ImportReportSuccess { import { id status rows } }\n    ... on ImportRefusedError { message errors { line column message } }\n    ... on Error { code message }\n  }\n}": types.ImportDocument,
    "subscription CaseUpdates { caseUpdated { kind caseId } }": types.CaseUpdatesDocument,
    "subscription MissingChanges { missingChanged { skus } }": types.MissingChangesDocument,
    "subscription DeadlineAlerts { deadlineApproaching { sku type units deadline } }": types.DeadlineAlertsDocument,
    "query Viewer { viewer { id } }": types.ViewerDocument,
    "query Header { serverTime viewer { name region } }": types.HeaderDocument,
    "query Totals { viewer { totals {\n  missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency }\n  expectedPayout { amount currency } underpaid { amount currency } reimbursed { amount currency } } } }": types.TotalsDocument,
    "query Missing($type: MissingType, $first: Int, $after: String) {\n  missingProducts(type: $type, first: $first, after: $after) {\n    totalCount\n    edges { node { sku title missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n      reimbursable { amount currency } claimableReimbursable { amount currency }\n      unitValue { amount currency } lastSalePrice { amount currency } expectedPayout { amount currency } payoutBasis\n      byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline payoutBasis } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": types.MissingDocument,
    "query WithoutCost {\n  missingProducts(first: 100) {\n    edges { node { sku missingUnits payoutBasis byType { type missingUnits payoutBasis } } }\n    pageInfo { hasNextPage }\n  }\n}": types.WithoutCostDocument,
    "query AwaitingReceipt {\n  removalShipments(awaitingReceipt: true, first: 20) {\n    edges { node { orderId trackingNumber carrier shipmentDate product { sku title } shippedUnits } }\n  }\n}": types.AwaitingReceiptDocument,
    "mutation RecordRemovalReceipt($input: RemovalReceiptInput!) {\n  recordRemovalReceipt(input: $input) { __typename ... on Error { code message } }\n}": types.RecordRemovalReceiptDocument,
    "query Underpaid($first: Int, $after: String) {\n  underpaidReimbursements(first: $first, after: $after) {\n    totalCount\n    edges { node { reimbursementId approvalDate type cashUnits basis product { sku title }\n      amountPerUnit { amount currency } expectedPerUnit { amount currency } underpaidBy { amount currency } } cursor }\n    pageInfo { hasNextPage endCursor }\n  }\n}": types.UnderpaidDocument,
    "query UnderpaidReview($first: Int, $after: String, $language: DescriptionLanguage) {\n  underpaidReimbursements(first: $first, after: $after) {\n    edges { node { reimbursementId documentUrl description sellerCentralUrl guidance(language: $language) } }\n  }\n}": types.UnderpaidReviewDocument,
    "query Draft($type: MissingType!, $skus: [String!]!, $language: DescriptionLanguage) {\n  claimDraft(type: $type, skus: $skus) {\n    units reimbursable { amount currency } expectedPayout { amount currency } payoutBasis\n    documentUrl description sellerCentralUrl guidance(language: $language)\n    items { units expectedPayout { amount currency } payoutBasis product { sku title }\n      evidence { date units source reference reconciledQuantity unreconciledQuantity amazonReconciled } }\n  }\n}": types.DraftDocument,
    "query Candidates($type: MissingType) {\n  missingProducts(type: $type, first: 100) { edges { node { sku claimableUnits } } }\n}": types.CandidatesDocument,
    "mutation OpenCase($input: OpenCaseInput!) {\n  openCase(input: $input) {\n    __typename\n    ... on OpenCaseSuccess { case { id amazonCaseId } }\n    ... on Error { code message }\n  }\n}": types.OpenCaseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SyncStatusFields on SyncStatus {\n  running nextRunAt error\n  connection { status marketplaceIds clientIdEnding }\n  lastRun { id status startedAt finishedAt feeds { feed status wakeAt rows inserted duplicates error } }\n}"): typeof import('./graphql.js').SyncStatusFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SyncStatus { amazonConnectionAvailable syncStatus { ...SyncStatusFields } }"): typeof import('./graphql.js').SyncStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SyncStatusChanges { syncStatusChanged { ...SyncStatusFields } }"): typeof import('./graphql.js').SyncStatusChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Connect($input: ConnectAmazonInput!) {\n  connectAmazon(input: $input) { __typename ... on Error { code message } }\n}"): typeof import('./graphql.js').ConnectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Sync { syncAmazon { __typename ... on Error { code message } } }"): typeof import('./graphql.js').SyncDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Cases {\n  cases(first: 100) { edges { node {\n    id amazonCaseId caseLogUrl type status claimedUnits reimbursedUnits reimbursed { amount currency } openedAt\n    documentUrl items { product { sku } }\n  } } }\n}"): typeof import('./graphql.js').CasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Close($id: ID!) { closeCase(id: $id) { __typename ... on Error { code message } } }"): typeof import('./graphql.js').CloseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Delete($id: ID!) { deleteCase(id: $id) { __typename ... on Error { code message } } }"): typeof import('./graphql.js').DeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query History { history { from to months {\n  month missingUnits claimedUnits reimbursedUnits expiredUnits\n  values { currency missing { amount currency } claimed { amount currency } reimbursed { amount currency }\n    expired { amount currency } } } } }"): typeof import('./graphql.js').HistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Imports { imports(first: 50) { edges { node {\n  id fileName kind status rows inserted duplicates errorCount errors { line column message } createdAt\n} } } }"): typeof import('./graphql.js').ImportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription Progress($id: ID!) { importProgress(id: $id) { status rowsRead } }"): typeof import('./graphql.js').ProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Import($file: File!, $kind: ReportKind) {\n  importReport(file: $file, kind: $kind, wait: false) {\n    __typename\n    ... on ImportReportSuccess { import { id status rows } }\n    ... on ImportRefusedError { message errors { line column message } }\n    ... on Error { code message }\n  }\n}"): typeof import('./graphql.js').ImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription CaseUpdates { caseUpdated { kind caseId } }"): typeof import('./graphql.js').CaseUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription MissingChanges { missingChanged { skus } }"): typeof import('./graphql.js').MissingChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription DeadlineAlerts { deadlineApproaching { sku type units deadline } }"): typeof import('./graphql.js').DeadlineAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer { viewer { id } }"): typeof import('./graphql.js').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Header { serverTime viewer { name region } }"): typeof import('./graphql.js').HeaderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Totals { viewer { totals {\n  missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency }\n  expectedPayout { amount currency } underpaid { amount currency } reimbursed { amount currency } } } }"): typeof import('./graphql.js').TotalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Missing($type: MissingType, $first: Int, $after: String) {\n  missingProducts(type: $type, first: $first, after: $after) {\n    totalCount\n    edges { node { sku title missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n      reimbursable { amount currency } claimableReimbursable { amount currency }\n      unitValue { amount currency } lastSalePrice { amount currency } expectedPayout { amount currency } payoutBasis\n      byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline payoutBasis } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}"): typeof import('./graphql.js').MissingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WithoutCost {\n  missingProducts(first: 100) {\n    edges { node { sku missingUnits payoutBasis byType { type missingUnits payoutBasis } } }\n    pageInfo { hasNextPage }\n  }\n}"): typeof import('./graphql.js').WithoutCostDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AwaitingReceipt {\n  removalShipments(awaitingReceipt: true, first: 20) {\n    edges { node { orderId trackingNumber carrier shipmentDate product { sku title } shippedUnits } }\n  }\n}"): typeof import('./graphql.js').AwaitingReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordRemovalReceipt($input: RemovalReceiptInput!) {\n  recordRemovalReceipt(input: $input) { __typename ... on Error { code message } }\n}"): typeof import('./graphql.js').RecordRemovalReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Underpaid($first: Int, $after: String) {\n  underpaidReimbursements(first: $first, after: $after) {\n    totalCount\n    edges { node { reimbursementId approvalDate type cashUnits basis product { sku title }\n      amountPerUnit { amount currency } expectedPerUnit { amount currency } underpaidBy { amount currency } } cursor }\n    pageInfo { hasNextPage endCursor }\n  }\n}"): typeof import('./graphql.js').UnderpaidDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnderpaidReview($first: Int, $after: String, $language: DescriptionLanguage) {\n  underpaidReimbursements(first: $first, after: $after) {\n    edges { node { reimbursementId documentUrl description sellerCentralUrl guidance(language: $language) } }\n  }\n}"): typeof import('./graphql.js').UnderpaidReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Draft($type: MissingType!, $skus: [String!]!, $language: DescriptionLanguage) {\n  claimDraft(type: $type, skus: $skus) {\n    units reimbursable { amount currency } expectedPayout { amount currency } payoutBasis\n    documentUrl description sellerCentralUrl guidance(language: $language)\n    items { units expectedPayout { amount currency } payoutBasis product { sku title }\n      evidence { date units source reference reconciledQuantity unreconciledQuantity amazonReconciled } }\n  }\n}"): typeof import('./graphql.js').DraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Candidates($type: MissingType) {\n  missingProducts(type: $type, first: 100) { edges { node { sku claimableUnits } } }\n}"): typeof import('./graphql.js').CandidatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OpenCase($input: OpenCaseInput!) {\n  openCase(input: $input) {\n    __typename\n    ... on OpenCaseSuccess { case { id amazonCaseId } }\n    ... on Error { code message }\n  }\n}"): typeof import('./graphql.js').OpenCaseDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
