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
    "\n  query Tokens {\n    viewer { id name tokens { id label createdAt lastUsedAt revokedAt } }\n  }\n": typeof types.TokensDocument,
    "\n  mutation CreateToken($label: String, $account: String) {\n    createToken(label: $label, account: $account) {\n      __typename\n      ... on CreateTokenSuccess { token apiToken { id label revokedAt } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.CreateTokenDocument,
    "\n  mutation RevokeToken($id: ID!) {\n    revokeToken(id: $id) {\n      __typename\n      ... on RevokeTokenSuccess { apiToken { id label revokedAt } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.RevokeTokenDocument,
    "\n  mutation ImportShipmentItems($file: File!, $shipmentId: String) {\n    importReport(file: $file, shipmentId: $shipmentId) {\n      __typename\n      ... on ImportReportSuccess { import { status rows inserted } }\n      ... on ImportRefusedError { code message errors { line column message } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ImportShipmentItemsDocument,
    "\n  subscription SyncStatusChanged {\n    syncStatusChanged { running lastRun { id status feeds { feed status } } connection { status } }\n  }\n": typeof types.SyncStatusChangedDocument,
    "\n  query ProductTitle($sku: String!) { product(sku: $sku) { sku title } }\n": typeof types.ProductTitleDocument,
    "\n  query CapNumbers($asOf: DateTime) {\n    product(sku: \"SKU-CAP-04\", asOf: $asOf) { missingUnits claimableUnits expiredUnits evidence { date units state reference } }\n  }\n": typeof types.CapNumbersDocument,
    "\n  query SyncTotals($asOf: DateTime) { viewer { totals(asOf: $asOf) { missingUnits claimableUnits } } }\n": typeof types.SyncTotalsDocument,
    "\n  subscription ConcurrentCaseUpdates {\n    caseUpdated { kind caseId }\n  }\n": typeof types.ConcurrentCaseUpdatesDocument,
    "\n  query CaseHistory($id: ID!) {\n    case(id: $id) {\n      id status closedAt closedBy claimedUnits reimbursedUnits pendingUnits\n      history { at actor action details }\n    }\n  }\n": typeof types.CaseHistoryDocument,
    "\n  query CaseDocuments($id: ID!) {\n    case(id: $id) {\n      id amazonCaseId description documentUrl\n      items { product { sku } claimedUnits documentUrl }\n    }\n  }\n": typeof types.CaseDocumentsDocument,
    "\n  query ProductSnapshot($sku: String!, $asOf: DateTime) {\n    product(sku: $sku, asOf: $asOf) {\n      sku title missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n      reimbursable { amount currency }\n      byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency } }\n      evidence { type date units state deadline source reference }\n      cases { id status }\n    }\n  }\n": typeof types.ProductSnapshotDocument,
    "\n  query MissingSnapshot($asOf: DateTime) {\n    missingProducts(asOf: $asOf, first: 100) {\n      edges {\n        node {\n          sku missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n          reimbursable { amount currency }\n          byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline }\n        }\n      }\n    }\n  }\n": typeof types.MissingSnapshotDocument,
    "\n  query ViewerIdentity {\n    viewer { id name region descriptionLanguage }\n  }\n": typeof types.ViewerIdentityDocument,
    "\n  mutation SetDescriptionLanguage($language: DescriptionLanguage!) {\n    updateSettings(input: { descriptionLanguage: $language }) {\n      __typename\n      ... on Error { code message }\n      ... on UpdateSettingsSuccess { account { id region descriptionLanguage } }\n    }\n  }\n": typeof types.SetDescriptionLanguageDocument,
    "\n  mutation RecordMugReceipt($input: RemovalReceiptInput!) {\n    recordRemovalReceipt(input: $input) { __typename ... on Error { code message } }\n  }\n": typeof types.RecordMugReceiptDocument,
    "\n  query RemovalDraft($skus: [String!]!, $asOf: DateTime) {\n    claimDraft(type: REMOVAL, skus: $skus, asOf: $asOf) {\n      units expectedPayout { amount currency } payoutBasis\n      evidence { source reference trackingNumber carrier removal { requested cancelled disposed shipped received } }\n    }\n  }\n": typeof types.RemovalDraftDocument,
    "\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      __typename\n      ... on Error { code message }\n      ... on OpenCaseSuccess {\n        case {\n          id amazonCaseId type status claimedUnits reimbursedUnits pendingUnits openedAt closedAt closedBy\n          reimbursed { amount currency }\n          description documentUrl caseLogUrl\n          items { product { sku } claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } documentUrl }\n        }\n      }\n    }\n  }\n": typeof types.OpenCaseDocument,
    "\n  mutation CloseCase($id: ID!) {\n    closeCase(id: $id) {\n      __typename\n      ... on Error { code message }\n      ... on CloseCaseSuccess { case { id status closedAt closedBy pendingUnits reimbursedUnits } }\n    }\n  }\n": typeof types.CloseCaseDocument,
    "\n  mutation DeleteCase($id: ID!) {\n    deleteCase(id: $id) {\n      __typename\n      ... on Error { code message }\n      ... on DeleteCaseSuccess { deletedCaseId }\n    }\n  }\n": typeof types.DeleteCaseDocument,
    "\n  query CaseById($id: ID!) {\n    case(id: $id) {\n      id amazonCaseId type status claimedUnits reimbursedUnits pendingUnits openedAt closedAt closedBy\n      reimbursed { amount currency }\n      reimbursements { reimbursementId approvalDate reason sku units amount { amount currency } }\n      items { product { sku } claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } }\n    }\n  }\n": typeof types.CaseByIdDocument,
    "\n  query CaseList($status: CaseStatus) {\n    cases(status: $status, first: 50) { edges { node { id amazonCaseId status type } } }\n  }\n": typeof types.CaseListDocument,
    "\n  query ProductNumbers($sku: String!, $asOf: DateTime) {\n    product(sku: $sku, asOf: $asOf) {\n      sku missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n      cases { id status }\n    }\n  }\n": typeof types.ProductNumbersDocument,
    "\n  query Totals($asOf: DateTime) {\n    viewer { totals(asOf: $asOf) { missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency } reimbursed { amount currency } } }\n  }\n": typeof types.TotalsDocument,
    "\n  query Draft($type: MissingType!, $skus: [String!]!, $asOf: DateTime) {\n    claimDraft(type: $type, skus: $skus, asOf: $asOf) {\n      units reimbursable { amount currency } documentUrl description sellerCentralUrl guidance\n      evidence { type date units state deadline source reference }\n      items { product { sku } units reimbursable { amount currency } evidence { date units reference } }\n    }\n  }\n": typeof types.DraftDocument,
    "\n  query UnderpaidReview($language: DescriptionLanguage) {\n    underpaidReimbursements(first: 10) {\n      edges {\n        node {\n          reimbursementId\n          documentUrl\n          description(language: $language)\n          sellerCentralUrl\n          guidance\n        }\n      }\n    }\n  }\n": typeof types.UnderpaidReviewDocument,
    "\n  query CliTotals($asOf: DateTime) {\n    viewer { name region totals(asOf: $asOf) { missingUnits claimableUnits expiredUnits reimbursable { amount currency } } }\n  }\n": typeof types.CliTotalsDocument,
    "\n  query DemoRemovals($asOf: DateTime) {\n    missingProducts(asOf: $asOf, first: 100) {\n      edges { node { sku byType { type missingUnits claimableUnits } evidence(type: REMOVAL) { state source } } }\n      pageInfo { hasNextPage }\n    }\n    removalShipments(awaitingReceipt: true, asOf: $asOf, first: 100) {\n      edges { node { orderId trackingNumber carrier shippedUnits receivedUnits } }\n    }\n    imports(first: 20) { edges { node { kind status rows inserted } } }\n  }\n": typeof types.DemoRemovalsDocument,
    "\n  query DashboardNumbers($asOf: DateTime, $type: MissingType, $first: Int) {\n    missingProducts(asOf: $asOf, type: $type, first: $first) {\n      totalCount\n      edges {\n        node {\n          sku missingUnits claimableUnits reimbursable { amount currency } claimableReimbursable { amount currency }\n          byType { type claimableUnits claimableReimbursable { amount currency } }\n        }\n      }\n    }\n  }\n": typeof types.DashboardNumbersDocument,
    "\n  query DashboardGuidance($language: DescriptionLanguage) {\n    claimDraft(type: LOST, skus: [\"SKU-MUG-01\"]) { guidance(language: $language) }\n    underpaidReimbursements(first: 1) { edges { node { guidance(language: $language) } } }\n  }\n": typeof types.DashboardGuidanceDocument,
    "\n  query AmazonAvailability { amazonConnectionAvailable }\n": typeof types.AmazonAvailabilityDocument,
    "\n  query MissingPage($first: Int, $asOf: DateTime) {\n    missingProducts(first: $first, asOf: $asOf) {\n      edges {\n        node {\n          sku fnsku asin title\n          lastSalePrice { amount currency } purchaseCost { amount currency } unitValue { amount currency }\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }\n          expectedPayout { amount currency } payoutBasis\n          byType {\n            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }\n            expectedPayout { amount currency } payoutBasis\n          }\n          evidence { type date units state deadline source reference reconciledQuantity unreconciledQuantity amazonReconciled }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MissingPageDocument,
    "\n  query ProductsPage($first: Int) {\n    products(first: $first) {\n      edges { node { sku missingUnits expiredUnits nextDeadline byType { type missingUnits } evidence { units state } } }\n    }\n  }\n": typeof types.ProductsPageDocument,
    "\n  query RemovalShipments($awaitingReceipt: Boolean, $asOf: DateTime, $first: Int, $after: String) {\n    removalShipments(awaitingReceipt: $awaitingReceipt, asOf: $asOf, first: $first, after: $after) {\n      edges { cursor node { orderId trackingNumber carrier shipmentDate product { sku } shippedUnits receivedUnits } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.RemovalShipmentsDocument,
    "\n  query RemovalEvidence($sku: String!, $asOf: DateTime) {\n    product(sku: $sku, asOf: $asOf) {\n      evidence(type: REMOVAL) { type date units state deadline source reference }\n    }\n  }\n": typeof types.RemovalEvidenceDocument,
    "\n  mutation SetRemovalPolicy($input: SettingsInput!) {\n    updateSettings(input: $input) {\n      __typename\n      ... on UpdateSettingsSuccess { account { policy { type inTransit waitDays deadlineDays isDefault } } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.SetRemovalPolicyDocument,
    "\n  query ProductEvidence($sku: String!, $asOf: DateTime, $type: MissingType) {\n    product(sku: $sku, asOf: $asOf) {\n      sku nextDeadline\n      evidence(type: $type) { type date units state deadline source reference reasonCode }\n    }\n  }\n": typeof types.ProductEvidenceDocument,
    "\n  mutation SetCostOfAmounts($sku: String!, $amount: String!) {\n    setProductCost(sku: $sku, cost: { amount: $amount, currency: \"USD\" }) {\n      __typename\n      ... on Error { code message }\n      ... on SetProductCostSuccess { product { purchaseCost { amount } } }\n    }\n  }\n": typeof types.SetCostOfAmountsDocument,
    "\n  query ImportStatusOfAmounts($first: Int) {\n    imports(first: $first) { edges { node { id fileName status errors { line column message } } } }\n  }\n": typeof types.ImportStatusOfAmountsDocument,
    "\n  query CostOfAmounts($sku: String!) {\n    product(sku: $sku) { purchaseCost { amount currency } }\n  }\n": typeof types.CostOfAmountsDocument,
    "\n  query History($from: Date, $to: Date, $type: MissingType, $asOf: DateTime) {\n    history(from: $from, to: $to, type: $type, asOf: $asOf) {\n      from to\n      months {\n        month missingUnits claimedUnits reimbursedUnits expiredUnits\n        values {\n          currency\n          missing { amount currency } claimed { amount currency }\n          reimbursed { amount currency } expired { amount currency }\n        }\n      }\n    }\n  }\n": typeof types.HistoryDocument,
    "\n  query LatestImport {\n    imports(first: 1) { edges { node { id status errorCount errors { line column message } } } }\n  }\n": typeof types.LatestImportDocument,
    "\n  query ProductBySku($sku: String!) {\n    product(sku: $sku) { sku fnsku asin title purchaseCost { amount currency } }\n  }\n": typeof types.ProductBySkuDocument,
    "\n  query RecentImports($first: Int) {\n    imports(first: $first) { edges { node { id fileName kind status rows inserted duplicates errors { line } } } pageInfo { hasNextPage } }\n  }\n": typeof types.RecentImportsDocument,
    "\n  query EverythingOfAnAccount {\n    imports(first: 50) { edges { node { id } } }\n    product(sku: \"SKU-MUG-01\") { sku }\n    products(first: 10) { edges { node { sku } } }\n  }\n": typeof types.EverythingOfAnAccountDocument,
    "\n  mutation ImportUpload($file: File!, $kind: ReportKind) {\n    importReport(file: $file, kind: $kind) {\n      __typename\n      ... on ImportReportSuccess {\n        imports { fileName kind status rows inserted updated duplicates }\n      }\n      ... on Error { code message }\n      ... on ImportRefusedError { errors { line column message } }\n    }\n  }\n": typeof types.ImportUploadDocument,
    "\n  query CorpusProduct($sku: String!) {\n    product(sku: $sku) { sku title purchaseCost { amount currency } }\n  }\n": typeof types.CorpusProductDocument,
    "\n  subscription CaseSteps {\n    caseUpdated {\n      kind\n      case {\n        id status claimedUnits reimbursedUnits pendingUnits closedAt closedBy\n        reimbursed { amount currency }\n        reimbursements { reimbursementId units amount { amount currency } }\n        items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } product { sku claimedUnits missingUnits } }\n      }\n    }\n  }\n": typeof types.CaseStepsDocument,
    "\n  query CaseNow($id: ID!) {\n    case(id: $id) {\n      id status claimedUnits reimbursedUnits pendingUnits closedAt closedBy\n      reimbursed { amount currency }\n      reimbursements { reimbursementId units amount { amount currency } }\n      items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } product { sku claimedUnits missingUnits } }\n    }\n  }\n": typeof types.CaseNowDocument,
    "\n  query RestartImports {\n    imports(first: 50) { edges { node { id fileName status rows inserted updated duplicates } } }\n  }\n": typeof types.RestartImportsDocument,
    "\n  query RestartTotals($asOf: DateTime) {\n    viewer { totals(asOf: $asOf) { missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency } } }\n  }\n": typeof types.RestartTotalsDocument,
    "\n  subscription ScaleOutCaseUpdates {\n    caseUpdated { kind caseId case { id status reimbursedUnits } }\n  }\n": typeof types.ScaleOutCaseUpdatesDocument,
    "\n  query ScaleOutImports {\n    imports(first: 50) { edges { node { id fileName status rows inserted updated duplicates } } }\n  }\n": typeof types.ScaleOutImportsDocument,
    "\n  subscription SharedCaseUpdates {\n    caseUpdated { kind caseId case { id status claimedUnits } }\n  }\n": typeof types.SharedCaseUpdatesDocument,
    "\n  subscription SharedCaseWithItems {\n    caseUpdated { kind case { id amazonCaseId type status claimedUnits reimbursedUnits openedAt closedAt description items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } } } }\n  }\n": typeof types.SharedCaseWithItemsDocument,
    "\n  query SharedCaseNow($id: ID!) {\n    case(id: $id) { id amazonCaseId type status claimedUnits reimbursedUnits openedAt closedAt description items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } } }\n  }\n": typeof types.SharedCaseNowDocument,
    "\n  subscription SharedCaseHistory { caseUpdated { case { id history { action } } } }\n": typeof types.SharedCaseHistoryDocument,
    "\n  subscription CaseUpdates($status: CaseStatus) {\n    caseUpdated(status: $status) { kind caseId at case { id status reimbursedUnits } }\n  }\n": typeof types.CaseUpdatesDocument,
    "\n  subscription MissingChanges {\n    missingChanged { skus at }\n  }\n": typeof types.MissingChangesDocument,
    "\n  subscription Deadlines {\n    deadlineApproaching { sku type units deadline }\n  }\n": typeof types.DeadlinesDocument,
    "\n  subscription ParityMissing {\n    missingChanged { skus }\n  }\n": typeof types.ParityMissingDocument,
    "\n  mutation ConnectAmazon($input: ConnectAmazonInput!) {\n    connectAmazon(input: $input) {\n      __typename\n      ... on ConnectAmazonSuccess { syncStatus { connection { status clientIdEnding marketplaceIds region syncEveryHours } } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConnectAmazonDocument,
    "\n  mutation SyncAmazon {\n    syncAmazon {\n      __typename\n      ... on SyncAmazonSuccess { syncStatus { running } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.SyncAmazonDocument,
    "\n  mutation DisconnectAmazon {\n    disconnectAmazon { __typename ... on DisconnectAmazonSuccess { disconnected } ... on Error { code message } }\n  }\n": typeof types.DisconnectAmazonDocument,
    "\n  query SyncStatus {\n    syncStatus {\n      running nextRunAt lastSucceededAt error\n      connection { status lastError clientIdEnding marketplaceIds region syncEveryHours connectedAt }\n      lastRun {\n        id trigger status startedAt finishedAt error\n        feeds {\n          feed status wakeAt dataStart dataEnd amazonReportId rows inserted updated duplicates error finishedAt\n          imports { id kind fileName status rows inserted duplicates encoding }\n        }\n      }\n      runs(first: 5) { id status }\n    }\n  }\n": typeof types.SyncStatusDocument,
    "\n  query MissingView($asOf: DateTime, $first: Int, $after: String) {\n    missingProducts(asOf: $asOf, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sku\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n          unitValue { amount currency }\n          reimbursable { amount currency }\n          byType {\n            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n            reimbursable { amount currency }\n          }\n        }\n      }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n    viewer {\n      totals(asOf: $asOf) {\n        missingUnits claimableUnits claimedUnits expiredUnits\n        reimbursable { amount currency }\n        reimbursed { amount currency }\n      }\n    }\n  }\n": typeof types.MissingViewDocument,
    "\n  query PayoutView($asOf: DateTime) {\n    missingProducts(asOf: $asOf, first: 50) {\n      edges { node { sku expectedPayout { amount currency } payoutBasis byType { type expectedPayout { amount currency } payoutBasis } } }\n    }\n    viewer { totals(asOf: $asOf) { expectedPayout { amount currency } underpaid { amount currency } } }\n    underpaidReimbursements(first: 10) {\n      totalCount\n      edges {\n        node {\n          reimbursementId approvalDate product { sku } type cashUnits basis\n          amountPerUnit { amount currency } expectedPerUnit { amount currency } underpaidBy { amount currency }\n        }\n      }\n    }\n  }\n": typeof types.PayoutViewDocument,
    "\n  mutation RecordReceipt($input: RemovalReceiptInput!) {\n    recordRemovalReceipt(input: $input) {\n      __typename\n      ... on RecordRemovalReceiptSuccess {\n        shipment { orderId trackingNumber carrier shipmentDate product { sku } shippedUnits receivedUnits }\n      }\n      ... on Error { code message }\n    }\n  }\n": typeof types.RecordReceiptDocument,
    "\n  mutation ImportReport($file: File!, $kind: ReportKind) {\n    importReport(file: $file, kind: $kind) {\n      __typename\n      ... on ImportReportSuccess {\n        import { id kind fileName status rows inserted updated duplicates encoding errors { line column message } }\n      }\n      ... on Error { code message }\n      ... on ImportRefusedError { errors { line column message } refusedImport { id status } }\n    }\n  }\n": typeof types.ImportReportDocument,
    "\n  query HistoryChart {\n    history {\n      months {\n        month missingUnits claimedUnits reimbursedUnits expiredUnits\n        values {\n          currency\n          missing { amount currency } claimed { amount currency }\n          reimbursed { amount currency } expired { amount currency }\n        }\n      }\n    }\n  }\n": typeof types.HistoryChartDocument,
    "\n  query PhoneFirstPage($first: Int) {\n    missingProducts(first: $first) {\n      totalCount\n      edges {\n        node {\n          sku missingUnits claimableUnits claimedUnits expiredUnits\n          byType { type missingUnits claimableUnits claimedUnits expiredUnits }\n        }\n      }\n    }\n  }\n": typeof types.PhoneFirstPageDocument,
};
const documents: Documents = {
    "\n  query Tokens {\n    viewer { id name tokens { id label createdAt lastUsedAt revokedAt } }\n  }\n": types.TokensDocument,
    "\n  mutation CreateToken($label: String, $account: String) {\n    createToken(label: $label, account: $account) {\n      __typename\n      ... on CreateTokenSuccess { token apiToken { id label revokedAt } }\n      ... on Error { code message }\n    }\n  }\n": types.CreateTokenDocument,
    "\n  mutation RevokeToken($id: ID!) {\n    revokeToken(id: $id) {\n      __typename\n      ... on RevokeTokenSuccess { apiToken { id label revokedAt } }\n      ... on Error { code message }\n    }\n  }\n": types.RevokeTokenDocument,
    "\n  mutation ImportShipmentItems($file: File!, $shipmentId: String) {\n    importReport(file: $file, shipmentId: $shipmentId) {\n      __typename\n      ... on ImportReportSuccess { import { status rows inserted } }\n      ... on ImportRefusedError { code message errors { line column message } }\n      ... on Error { code message }\n    }\n  }\n": types.ImportShipmentItemsDocument,
    "\n  subscription SyncStatusChanged {\n    syncStatusChanged { running lastRun { id status feeds { feed status } } connection { status } }\n  }\n": types.SyncStatusChangedDocument,
    "\n  query ProductTitle($sku: String!) { product(sku: $sku) { sku title } }\n": types.ProductTitleDocument,
    "\n  query CapNumbers($asOf: DateTime) {\n    product(sku: \"SKU-CAP-04\", asOf: $asOf) { missingUnits claimableUnits expiredUnits evidence { date units state reference } }\n  }\n": types.CapNumbersDocument,
    "\n  query SyncTotals($asOf: DateTime) { viewer { totals(asOf: $asOf) { missingUnits claimableUnits } } }\n": types.SyncTotalsDocument,
    "\n  subscription ConcurrentCaseUpdates {\n    caseUpdated { kind caseId }\n  }\n": types.ConcurrentCaseUpdatesDocument,
    "\n  query CaseHistory($id: ID!) {\n    case(id: $id) {\n      id status closedAt closedBy claimedUnits reimbursedUnits pendingUnits\n      history { at actor action details }\n    }\n  }\n": types.CaseHistoryDocument,
    "\n  query CaseDocuments($id: ID!) {\n    case(id: $id) {\n      id amazonCaseId description documentUrl\n      items { product { sku } claimedUnits documentUrl }\n    }\n  }\n": types.CaseDocumentsDocument,
    "\n  query ProductSnapshot($sku: String!, $asOf: DateTime) {\n    product(sku: $sku, asOf: $asOf) {\n      sku title missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n      reimbursable { amount currency }\n      byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency } }\n      evidence { type date units state deadline source reference }\n      cases { id status }\n    }\n  }\n": types.ProductSnapshotDocument,
    "\n  query MissingSnapshot($asOf: DateTime) {\n    missingProducts(asOf: $asOf, first: 100) {\n      edges {\n        node {\n          sku missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n          reimbursable { amount currency }\n          byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline }\n        }\n      }\n    }\n  }\n": types.MissingSnapshotDocument,
    "\n  query ViewerIdentity {\n    viewer { id name region descriptionLanguage }\n  }\n": types.ViewerIdentityDocument,
    "\n  mutation SetDescriptionLanguage($language: DescriptionLanguage!) {\n    updateSettings(input: { descriptionLanguage: $language }) {\n      __typename\n      ... on Error { code message }\n      ... on UpdateSettingsSuccess { account { id region descriptionLanguage } }\n    }\n  }\n": types.SetDescriptionLanguageDocument,
    "\n  mutation RecordMugReceipt($input: RemovalReceiptInput!) {\n    recordRemovalReceipt(input: $input) { __typename ... on Error { code message } }\n  }\n": types.RecordMugReceiptDocument,
    "\n  query RemovalDraft($skus: [String!]!, $asOf: DateTime) {\n    claimDraft(type: REMOVAL, skus: $skus, asOf: $asOf) {\n      units expectedPayout { amount currency } payoutBasis\n      evidence { source reference trackingNumber carrier removal { requested cancelled disposed shipped received } }\n    }\n  }\n": types.RemovalDraftDocument,
    "\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      __typename\n      ... on Error { code message }\n      ... on OpenCaseSuccess {\n        case {\n          id amazonCaseId type status claimedUnits reimbursedUnits pendingUnits openedAt closedAt closedBy\n          reimbursed { amount currency }\n          description documentUrl caseLogUrl\n          items { product { sku } claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } documentUrl }\n        }\n      }\n    }\n  }\n": types.OpenCaseDocument,
    "\n  mutation CloseCase($id: ID!) {\n    closeCase(id: $id) {\n      __typename\n      ... on Error { code message }\n      ... on CloseCaseSuccess { case { id status closedAt closedBy pendingUnits reimbursedUnits } }\n    }\n  }\n": types.CloseCaseDocument,
    "\n  mutation DeleteCase($id: ID!) {\n    deleteCase(id: $id) {\n      __typename\n      ... on Error { code message }\n      ... on DeleteCaseSuccess { deletedCaseId }\n    }\n  }\n": types.DeleteCaseDocument,
    "\n  query CaseById($id: ID!) {\n    case(id: $id) {\n      id amazonCaseId type status claimedUnits reimbursedUnits pendingUnits openedAt closedAt closedBy\n      reimbursed { amount currency }\n      reimbursements { reimbursementId approvalDate reason sku units amount { amount currency } }\n      items { product { sku } claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } }\n    }\n  }\n": types.CaseByIdDocument,
    "\n  query CaseList($status: CaseStatus) {\n    cases(status: $status, first: 50) { edges { node { id amazonCaseId status type } } }\n  }\n": types.CaseListDocument,
    "\n  query ProductNumbers($sku: String!, $asOf: DateTime) {\n    product(sku: $sku, asOf: $asOf) {\n      sku missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n      cases { id status }\n    }\n  }\n": types.ProductNumbersDocument,
    "\n  query Totals($asOf: DateTime) {\n    viewer { totals(asOf: $asOf) { missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency } reimbursed { amount currency } } }\n  }\n": types.TotalsDocument,
    "\n  query Draft($type: MissingType!, $skus: [String!]!, $asOf: DateTime) {\n    claimDraft(type: $type, skus: $skus, asOf: $asOf) {\n      units reimbursable { amount currency } documentUrl description sellerCentralUrl guidance\n      evidence { type date units state deadline source reference }\n      items { product { sku } units reimbursable { amount currency } evidence { date units reference } }\n    }\n  }\n": types.DraftDocument,
    "\n  query UnderpaidReview($language: DescriptionLanguage) {\n    underpaidReimbursements(first: 10) {\n      edges {\n        node {\n          reimbursementId\n          documentUrl\n          description(language: $language)\n          sellerCentralUrl\n          guidance\n        }\n      }\n    }\n  }\n": types.UnderpaidReviewDocument,
    "\n  query CliTotals($asOf: DateTime) {\n    viewer { name region totals(asOf: $asOf) { missingUnits claimableUnits expiredUnits reimbursable { amount currency } } }\n  }\n": types.CliTotalsDocument,
    "\n  query DemoRemovals($asOf: DateTime) {\n    missingProducts(asOf: $asOf, first: 100) {\n      edges { node { sku byType { type missingUnits claimableUnits } evidence(type: REMOVAL) { state source } } }\n      pageInfo { hasNextPage }\n    }\n    removalShipments(awaitingReceipt: true, asOf: $asOf, first: 100) {\n      edges { node { orderId trackingNumber carrier shippedUnits receivedUnits } }\n    }\n    imports(first: 20) { edges { node { kind status rows inserted } } }\n  }\n": types.DemoRemovalsDocument,
    "\n  query DashboardNumbers($asOf: DateTime, $type: MissingType, $first: Int) {\n    missingProducts(asOf: $asOf, type: $type, first: $first) {\n      totalCount\n      edges {\n        node {\n          sku missingUnits claimableUnits reimbursable { amount currency } claimableReimbursable { amount currency }\n          byType { type claimableUnits claimableReimbursable { amount currency } }\n        }\n      }\n    }\n  }\n": types.DashboardNumbersDocument,
    "\n  query DashboardGuidance($language: DescriptionLanguage) {\n    claimDraft(type: LOST, skus: [\"SKU-MUG-01\"]) { guidance(language: $language) }\n    underpaidReimbursements(first: 1) { edges { node { guidance(language: $language) } } }\n  }\n": types.DashboardGuidanceDocument,
    "\n  query AmazonAvailability { amazonConnectionAvailable }\n": types.AmazonAvailabilityDocument,
    "\n  query MissingPage($first: Int, $asOf: DateTime) {\n    missingProducts(first: $first, asOf: $asOf) {\n      edges {\n        node {\n          sku fnsku asin title\n          lastSalePrice { amount currency } purchaseCost { amount currency } unitValue { amount currency }\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }\n          expectedPayout { amount currency } payoutBasis\n          byType {\n            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }\n            expectedPayout { amount currency } payoutBasis\n          }\n          evidence { type date units state deadline source reference reconciledQuantity unreconciledQuantity amazonReconciled }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MissingPageDocument,
    "\n  query ProductsPage($first: Int) {\n    products(first: $first) {\n      edges { node { sku missingUnits expiredUnits nextDeadline byType { type missingUnits } evidence { units state } } }\n    }\n  }\n": types.ProductsPageDocument,
    "\n  query RemovalShipments($awaitingReceipt: Boolean, $asOf: DateTime, $first: Int, $after: String) {\n    removalShipments(awaitingReceipt: $awaitingReceipt, asOf: $asOf, first: $first, after: $after) {\n      edges { cursor node { orderId trackingNumber carrier shipmentDate product { sku } shippedUnits receivedUnits } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.RemovalShipmentsDocument,
    "\n  query RemovalEvidence($sku: String!, $asOf: DateTime) {\n    product(sku: $sku, asOf: $asOf) {\n      evidence(type: REMOVAL) { type date units state deadline source reference }\n    }\n  }\n": types.RemovalEvidenceDocument,
    "\n  mutation SetRemovalPolicy($input: SettingsInput!) {\n    updateSettings(input: $input) {\n      __typename\n      ... on UpdateSettingsSuccess { account { policy { type inTransit waitDays deadlineDays isDefault } } }\n      ... on Error { code message }\n    }\n  }\n": types.SetRemovalPolicyDocument,
    "\n  query ProductEvidence($sku: String!, $asOf: DateTime, $type: MissingType) {\n    product(sku: $sku, asOf: $asOf) {\n      sku nextDeadline\n      evidence(type: $type) { type date units state deadline source reference reasonCode }\n    }\n  }\n": types.ProductEvidenceDocument,
    "\n  mutation SetCostOfAmounts($sku: String!, $amount: String!) {\n    setProductCost(sku: $sku, cost: { amount: $amount, currency: \"USD\" }) {\n      __typename\n      ... on Error { code message }\n      ... on SetProductCostSuccess { product { purchaseCost { amount } } }\n    }\n  }\n": types.SetCostOfAmountsDocument,
    "\n  query ImportStatusOfAmounts($first: Int) {\n    imports(first: $first) { edges { node { id fileName status errors { line column message } } } }\n  }\n": types.ImportStatusOfAmountsDocument,
    "\n  query CostOfAmounts($sku: String!) {\n    product(sku: $sku) { purchaseCost { amount currency } }\n  }\n": types.CostOfAmountsDocument,
    "\n  query History($from: Date, $to: Date, $type: MissingType, $asOf: DateTime) {\n    history(from: $from, to: $to, type: $type, asOf: $asOf) {\n      from to\n      months {\n        month missingUnits claimedUnits reimbursedUnits expiredUnits\n        values {\n          currency\n          missing { amount currency } claimed { amount currency }\n          reimbursed { amount currency } expired { amount currency }\n        }\n      }\n    }\n  }\n": types.HistoryDocument,
    "\n  query LatestImport {\n    imports(first: 1) { edges { node { id status errorCount errors { line column message } } } }\n  }\n": types.LatestImportDocument,
    "\n  query ProductBySku($sku: String!) {\n    product(sku: $sku) { sku fnsku asin title purchaseCost { amount currency } }\n  }\n": types.ProductBySkuDocument,
    "\n  query RecentImports($first: Int) {\n    imports(first: $first) { edges { node { id fileName kind status rows inserted duplicates errors { line } } } pageInfo { hasNextPage } }\n  }\n": types.RecentImportsDocument,
    "\n  query EverythingOfAnAccount {\n    imports(first: 50) { edges { node { id } } }\n    product(sku: \"SKU-MUG-01\") { sku }\n    products(first: 10) { edges { node { sku } } }\n  }\n": types.EverythingOfAnAccountDocument,
    "\n  mutation ImportUpload($file: File!, $kind: ReportKind) {\n    importReport(file: $file, kind: $kind) {\n      __typename\n      ... on ImportReportSuccess {\n        imports { fileName kind status rows inserted updated duplicates }\n      }\n      ... on Error { code message }\n      ... on ImportRefusedError { errors { line column message } }\n    }\n  }\n": types.ImportUploadDocument,
    "\n  query CorpusProduct($sku: String!) {\n    product(sku: $sku) { sku title purchaseCost { amount currency } }\n  }\n": types.CorpusProductDocument,
    "\n  subscription CaseSteps {\n    caseUpdated {\n      kind\n      case {\n        id status claimedUnits reimbursedUnits pendingUnits closedAt closedBy\n        reimbursed { amount currency }\n        reimbursements { reimbursementId units amount { amount currency } }\n        items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } product { sku claimedUnits missingUnits } }\n      }\n    }\n  }\n": types.CaseStepsDocument,
    "\n  query CaseNow($id: ID!) {\n    case(id: $id) {\n      id status claimedUnits reimbursedUnits pendingUnits closedAt closedBy\n      reimbursed { amount currency }\n      reimbursements { reimbursementId units amount { amount currency } }\n      items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } product { sku claimedUnits missingUnits } }\n    }\n  }\n": types.CaseNowDocument,
    "\n  query RestartImports {\n    imports(first: 50) { edges { node { id fileName status rows inserted updated duplicates } } }\n  }\n": types.RestartImportsDocument,
    "\n  query RestartTotals($asOf: DateTime) {\n    viewer { totals(asOf: $asOf) { missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency } } }\n  }\n": types.RestartTotalsDocument,
    "\n  subscription ScaleOutCaseUpdates {\n    caseUpdated { kind caseId case { id status reimbursedUnits } }\n  }\n": types.ScaleOutCaseUpdatesDocument,
    "\n  query ScaleOutImports {\n    imports(first: 50) { edges { node { id fileName status rows inserted updated duplicates } } }\n  }\n": types.ScaleOutImportsDocument,
    "\n  subscription SharedCaseUpdates {\n    caseUpdated { kind caseId case { id status claimedUnits } }\n  }\n": types.SharedCaseUpdatesDocument,
    "\n  subscription SharedCaseWithItems {\n    caseUpdated { kind case { id amazonCaseId type status claimedUnits reimbursedUnits openedAt closedAt description items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } } } }\n  }\n": types.SharedCaseWithItemsDocument,
    "\n  query SharedCaseNow($id: ID!) {\n    case(id: $id) { id amazonCaseId type status claimedUnits reimbursedUnits openedAt closedAt description items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } } }\n  }\n": types.SharedCaseNowDocument,
    "\n  subscription SharedCaseHistory { caseUpdated { case { id history { action } } } }\n": types.SharedCaseHistoryDocument,
    "\n  subscription CaseUpdates($status: CaseStatus) {\n    caseUpdated(status: $status) { kind caseId at case { id status reimbursedUnits } }\n  }\n": types.CaseUpdatesDocument,
    "\n  subscription MissingChanges {\n    missingChanged { skus at }\n  }\n": types.MissingChangesDocument,
    "\n  subscription Deadlines {\n    deadlineApproaching { sku type units deadline }\n  }\n": types.DeadlinesDocument,
    "\n  subscription ParityMissing {\n    missingChanged { skus }\n  }\n": types.ParityMissingDocument,
    "\n  mutation ConnectAmazon($input: ConnectAmazonInput!) {\n    connectAmazon(input: $input) {\n      __typename\n      ... on ConnectAmazonSuccess { syncStatus { connection { status clientIdEnding marketplaceIds region syncEveryHours } } }\n      ... on Error { code message }\n    }\n  }\n": types.ConnectAmazonDocument,
    "\n  mutation SyncAmazon {\n    syncAmazon {\n      __typename\n      ... on SyncAmazonSuccess { syncStatus { running } }\n      ... on Error { code message }\n    }\n  }\n": types.SyncAmazonDocument,
    "\n  mutation DisconnectAmazon {\n    disconnectAmazon { __typename ... on DisconnectAmazonSuccess { disconnected } ... on Error { code message } }\n  }\n": types.DisconnectAmazonDocument,
    "\n  query SyncStatus {\n    syncStatus {\n      running nextRunAt lastSucceededAt error\n      connection { status lastError clientIdEnding marketplaceIds region syncEveryHours connectedAt }\n      lastRun {\n        id trigger status startedAt finishedAt error\n        feeds {\n          feed status wakeAt dataStart dataEnd amazonReportId rows inserted updated duplicates error finishedAt\n          imports { id kind fileName status rows inserted duplicates encoding }\n        }\n      }\n      runs(first: 5) { id status }\n    }\n  }\n": types.SyncStatusDocument,
    "\n  query MissingView($asOf: DateTime, $first: Int, $after: String) {\n    missingProducts(asOf: $asOf, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sku\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n          unitValue { amount currency }\n          reimbursable { amount currency }\n          byType {\n            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n            reimbursable { amount currency }\n          }\n        }\n      }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n    viewer {\n      totals(asOf: $asOf) {\n        missingUnits claimableUnits claimedUnits expiredUnits\n        reimbursable { amount currency }\n        reimbursed { amount currency }\n      }\n    }\n  }\n": types.MissingViewDocument,
    "\n  query PayoutView($asOf: DateTime) {\n    missingProducts(asOf: $asOf, first: 50) {\n      edges { node { sku expectedPayout { amount currency } payoutBasis byType { type expectedPayout { amount currency } payoutBasis } } }\n    }\n    viewer { totals(asOf: $asOf) { expectedPayout { amount currency } underpaid { amount currency } } }\n    underpaidReimbursements(first: 10) {\n      totalCount\n      edges {\n        node {\n          reimbursementId approvalDate product { sku } type cashUnits basis\n          amountPerUnit { amount currency } expectedPerUnit { amount currency } underpaidBy { amount currency }\n        }\n      }\n    }\n  }\n": types.PayoutViewDocument,
    "\n  mutation RecordReceipt($input: RemovalReceiptInput!) {\n    recordRemovalReceipt(input: $input) {\n      __typename\n      ... on RecordRemovalReceiptSuccess {\n        shipment { orderId trackingNumber carrier shipmentDate product { sku } shippedUnits receivedUnits }\n      }\n      ... on Error { code message }\n    }\n  }\n": types.RecordReceiptDocument,
    "\n  mutation ImportReport($file: File!, $kind: ReportKind) {\n    importReport(file: $file, kind: $kind) {\n      __typename\n      ... on ImportReportSuccess {\n        import { id kind fileName status rows inserted updated duplicates encoding errors { line column message } }\n      }\n      ... on Error { code message }\n      ... on ImportRefusedError { errors { line column message } refusedImport { id status } }\n    }\n  }\n": types.ImportReportDocument,
    "\n  query HistoryChart {\n    history {\n      months {\n        month missingUnits claimedUnits reimbursedUnits expiredUnits\n        values {\n          currency\n          missing { amount currency } claimed { amount currency }\n          reimbursed { amount currency } expired { amount currency }\n        }\n      }\n    }\n  }\n": types.HistoryChartDocument,
    "\n  query PhoneFirstPage($first: Int) {\n    missingProducts(first: $first) {\n      totalCount\n      edges {\n        node {\n          sku missingUnits claimableUnits claimedUnits expiredUnits\n          byType { type missingUnits claimableUnits claimedUnits expiredUnits }\n        }\n      }\n    }\n  }\n": types.PhoneFirstPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tokens {\n    viewer { id name tokens { id label createdAt lastUsedAt revokedAt } }\n  }\n"): typeof import('./graphql.js').TokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateToken($label: String, $account: String) {\n    createToken(label: $label, account: $account) {\n      __typename\n      ... on CreateTokenSuccess { token apiToken { id label revokedAt } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').CreateTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeToken($id: ID!) {\n    revokeToken(id: $id) {\n      __typename\n      ... on RevokeTokenSuccess { apiToken { id label revokedAt } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').RevokeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportShipmentItems($file: File!, $shipmentId: String) {\n    importReport(file: $file, shipmentId: $shipmentId) {\n      __typename\n      ... on ImportReportSuccess { import { status rows inserted } }\n      ... on ImportRefusedError { code message errors { line column message } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ImportShipmentItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SyncStatusChanged {\n    syncStatusChanged { running lastRun { id status feeds { feed status } } connection { status } }\n  }\n"): typeof import('./graphql.js').SyncStatusChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductTitle($sku: String!) { product(sku: $sku) { sku title } }\n"): typeof import('./graphql.js').ProductTitleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CapNumbers($asOf: DateTime) {\n    product(sku: \"SKU-CAP-04\", asOf: $asOf) { missingUnits claimableUnits expiredUnits evidence { date units state reference } }\n  }\n"): typeof import('./graphql.js').CapNumbersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncTotals($asOf: DateTime) { viewer { totals(asOf: $asOf) { missingUnits claimableUnits } } }\n"): typeof import('./graphql.js').SyncTotalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConcurrentCaseUpdates {\n    caseUpdated { kind caseId }\n  }\n"): typeof import('./graphql.js').ConcurrentCaseUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseHistory($id: ID!) {\n    case(id: $id) {\n      id status closedAt closedBy claimedUnits reimbursedUnits pendingUnits\n      history { at actor action details }\n    }\n  }\n"): typeof import('./graphql.js').CaseHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDocuments($id: ID!) {\n    case(id: $id) {\n      id amazonCaseId description documentUrl\n      items { product { sku } claimedUnits documentUrl }\n    }\n  }\n"): typeof import('./graphql.js').CaseDocumentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductSnapshot($sku: String!, $asOf: DateTime) {\n    product(sku: $sku, asOf: $asOf) {\n      sku title missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n      reimbursable { amount currency }\n      byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency } }\n      evidence { type date units state deadline source reference }\n      cases { id status }\n    }\n  }\n"): typeof import('./graphql.js').ProductSnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissingSnapshot($asOf: DateTime) {\n    missingProducts(asOf: $asOf, first: 100) {\n      edges {\n        node {\n          sku missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n          reimbursable { amount currency }\n          byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').MissingSnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerIdentity {\n    viewer { id name region descriptionLanguage }\n  }\n"): typeof import('./graphql.js').ViewerIdentityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDescriptionLanguage($language: DescriptionLanguage!) {\n    updateSettings(input: { descriptionLanguage: $language }) {\n      __typename\n      ... on Error { code message }\n      ... on UpdateSettingsSuccess { account { id region descriptionLanguage } }\n    }\n  }\n"): typeof import('./graphql.js').SetDescriptionLanguageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMugReceipt($input: RemovalReceiptInput!) {\n    recordRemovalReceipt(input: $input) { __typename ... on Error { code message } }\n  }\n"): typeof import('./graphql.js').RecordMugReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RemovalDraft($skus: [String!]!, $asOf: DateTime) {\n    claimDraft(type: REMOVAL, skus: $skus, asOf: $asOf) {\n      units expectedPayout { amount currency } payoutBasis\n      evidence { source reference trackingNumber carrier removal { requested cancelled disposed shipped received } }\n    }\n  }\n"): typeof import('./graphql.js').RemovalDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenCase($input: OpenCaseInput!) {\n    openCase(input: $input) {\n      __typename\n      ... on Error { code message }\n      ... on OpenCaseSuccess {\n        case {\n          id amazonCaseId type status claimedUnits reimbursedUnits pendingUnits openedAt closedAt closedBy\n          reimbursed { amount currency }\n          description documentUrl caseLogUrl\n          items { product { sku } claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } documentUrl }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').OpenCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCase($id: ID!) {\n    closeCase(id: $id) {\n      __typename\n      ... on Error { code message }\n      ... on CloseCaseSuccess { case { id status closedAt closedBy pendingUnits reimbursedUnits } }\n    }\n  }\n"): typeof import('./graphql.js').CloseCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCase($id: ID!) {\n    deleteCase(id: $id) {\n      __typename\n      ... on Error { code message }\n      ... on DeleteCaseSuccess { deletedCaseId }\n    }\n  }\n"): typeof import('./graphql.js').DeleteCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseById($id: ID!) {\n    case(id: $id) {\n      id amazonCaseId type status claimedUnits reimbursedUnits pendingUnits openedAt closedAt closedBy\n      reimbursed { amount currency }\n      reimbursements { reimbursementId approvalDate reason sku units amount { amount currency } }\n      items { product { sku } claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } }\n    }\n  }\n"): typeof import('./graphql.js').CaseByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseList($status: CaseStatus) {\n    cases(status: $status, first: 50) { edges { node { id amazonCaseId status type } } }\n  }\n"): typeof import('./graphql.js').CaseListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductNumbers($sku: String!, $asOf: DateTime) {\n    product(sku: $sku, asOf: $asOf) {\n      sku missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n      cases { id status }\n    }\n  }\n"): typeof import('./graphql.js').ProductNumbersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Totals($asOf: DateTime) {\n    viewer { totals(asOf: $asOf) { missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency } reimbursed { amount currency } } }\n  }\n"): typeof import('./graphql.js').TotalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Draft($type: MissingType!, $skus: [String!]!, $asOf: DateTime) {\n    claimDraft(type: $type, skus: $skus, asOf: $asOf) {\n      units reimbursable { amount currency } documentUrl description sellerCentralUrl guidance\n      evidence { type date units state deadline source reference }\n      items { product { sku } units reimbursable { amount currency } evidence { date units reference } }\n    }\n  }\n"): typeof import('./graphql.js').DraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnderpaidReview($language: DescriptionLanguage) {\n    underpaidReimbursements(first: 10) {\n      edges {\n        node {\n          reimbursementId\n          documentUrl\n          description(language: $language)\n          sellerCentralUrl\n          guidance\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').UnderpaidReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliTotals($asOf: DateTime) {\n    viewer { name region totals(asOf: $asOf) { missingUnits claimableUnits expiredUnits reimbursable { amount currency } } }\n  }\n"): typeof import('./graphql.js').CliTotalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoRemovals($asOf: DateTime) {\n    missingProducts(asOf: $asOf, first: 100) {\n      edges { node { sku byType { type missingUnits claimableUnits } evidence(type: REMOVAL) { state source } } }\n      pageInfo { hasNextPage }\n    }\n    removalShipments(awaitingReceipt: true, asOf: $asOf, first: 100) {\n      edges { node { orderId trackingNumber carrier shippedUnits receivedUnits } }\n    }\n    imports(first: 20) { edges { node { kind status rows inserted } } }\n  }\n"): typeof import('./graphql.js').DemoRemovalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardNumbers($asOf: DateTime, $type: MissingType, $first: Int) {\n    missingProducts(asOf: $asOf, type: $type, first: $first) {\n      totalCount\n      edges {\n        node {\n          sku missingUnits claimableUnits reimbursable { amount currency } claimableReimbursable { amount currency }\n          byType { type claimableUnits claimableReimbursable { amount currency } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').DashboardNumbersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardGuidance($language: DescriptionLanguage) {\n    claimDraft(type: LOST, skus: [\"SKU-MUG-01\"]) { guidance(language: $language) }\n    underpaidReimbursements(first: 1) { edges { node { guidance(language: $language) } } }\n  }\n"): typeof import('./graphql.js').DashboardGuidanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AmazonAvailability { amazonConnectionAvailable }\n"): typeof import('./graphql.js').AmazonAvailabilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissingPage($first: Int, $asOf: DateTime) {\n    missingProducts(first: $first, asOf: $asOf) {\n      edges {\n        node {\n          sku fnsku asin title\n          lastSalePrice { amount currency } purchaseCost { amount currency } unitValue { amount currency }\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }\n          expectedPayout { amount currency } payoutBasis\n          byType {\n            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }\n            expectedPayout { amount currency } payoutBasis\n          }\n          evidence { type date units state deadline source reference reconciledQuantity unreconciledQuantity amazonReconciled }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql.js').MissingPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductsPage($first: Int) {\n    products(first: $first) {\n      edges { node { sku missingUnits expiredUnits nextDeadline byType { type missingUnits } evidence { units state } } }\n    }\n  }\n"): typeof import('./graphql.js').ProductsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RemovalShipments($awaitingReceipt: Boolean, $asOf: DateTime, $first: Int, $after: String) {\n    removalShipments(awaitingReceipt: $awaitingReceipt, asOf: $asOf, first: $first, after: $after) {\n      edges { cursor node { orderId trackingNumber carrier shipmentDate product { sku } shippedUnits receivedUnits } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql.js').RemovalShipmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RemovalEvidence($sku: String!, $asOf: DateTime) {\n    product(sku: $sku, asOf: $asOf) {\n      evidence(type: REMOVAL) { type date units state deadline source reference }\n    }\n  }\n"): typeof import('./graphql.js').RemovalEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRemovalPolicy($input: SettingsInput!) {\n    updateSettings(input: $input) {\n      __typename\n      ... on UpdateSettingsSuccess { account { policy { type inTransit waitDays deadlineDays isDefault } } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').SetRemovalPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductEvidence($sku: String!, $asOf: DateTime, $type: MissingType) {\n    product(sku: $sku, asOf: $asOf) {\n      sku nextDeadline\n      evidence(type: $type) { type date units state deadline source reference reasonCode }\n    }\n  }\n"): typeof import('./graphql.js').ProductEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCostOfAmounts($sku: String!, $amount: String!) {\n    setProductCost(sku: $sku, cost: { amount: $amount, currency: \"USD\" }) {\n      __typename\n      ... on Error { code message }\n      ... on SetProductCostSuccess { product { purchaseCost { amount } } }\n    }\n  }\n"): typeof import('./graphql.js').SetCostOfAmountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportStatusOfAmounts($first: Int) {\n    imports(first: $first) { edges { node { id fileName status errors { line column message } } } }\n  }\n"): typeof import('./graphql.js').ImportStatusOfAmountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostOfAmounts($sku: String!) {\n    product(sku: $sku) { purchaseCost { amount currency } }\n  }\n"): typeof import('./graphql.js').CostOfAmountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query History($from: Date, $to: Date, $type: MissingType, $asOf: DateTime) {\n    history(from: $from, to: $to, type: $type, asOf: $asOf) {\n      from to\n      months {\n        month missingUnits claimedUnits reimbursedUnits expiredUnits\n        values {\n          currency\n          missing { amount currency } claimed { amount currency }\n          reimbursed { amount currency } expired { amount currency }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').HistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestImport {\n    imports(first: 1) { edges { node { id status errorCount errors { line column message } } } }\n  }\n"): typeof import('./graphql.js').LatestImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductBySku($sku: String!) {\n    product(sku: $sku) { sku fnsku asin title purchaseCost { amount currency } }\n  }\n"): typeof import('./graphql.js').ProductBySkuDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentImports($first: Int) {\n    imports(first: $first) { edges { node { id fileName kind status rows inserted duplicates errors { line } } } pageInfo { hasNextPage } }\n  }\n"): typeof import('./graphql.js').RecentImportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EverythingOfAnAccount {\n    imports(first: 50) { edges { node { id } } }\n    product(sku: \"SKU-MUG-01\") { sku }\n    products(first: 10) { edges { node { sku } } }\n  }\n"): typeof import('./graphql.js').EverythingOfAnAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportUpload($file: File!, $kind: ReportKind) {\n    importReport(file: $file, kind: $kind) {\n      __typename\n      ... on ImportReportSuccess {\n        imports { fileName kind status rows inserted updated duplicates }\n      }\n      ... on Error { code message }\n      ... on ImportRefusedError { errors { line column message } }\n    }\n  }\n"): typeof import('./graphql.js').ImportUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CorpusProduct($sku: String!) {\n    product(sku: $sku) { sku title purchaseCost { amount currency } }\n  }\n"): typeof import('./graphql.js').CorpusProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseSteps {\n    caseUpdated {\n      kind\n      case {\n        id status claimedUnits reimbursedUnits pendingUnits closedAt closedBy\n        reimbursed { amount currency }\n        reimbursements { reimbursementId units amount { amount currency } }\n        items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } product { sku claimedUnits missingUnits } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').CaseStepsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseNow($id: ID!) {\n    case(id: $id) {\n      id status claimedUnits reimbursedUnits pendingUnits closedAt closedBy\n      reimbursed { amount currency }\n      reimbursements { reimbursementId units amount { amount currency } }\n      items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } product { sku claimedUnits missingUnits } }\n    }\n  }\n"): typeof import('./graphql.js').CaseNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestartImports {\n    imports(first: 50) { edges { node { id fileName status rows inserted updated duplicates } } }\n  }\n"): typeof import('./graphql.js').RestartImportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestartTotals($asOf: DateTime) {\n    viewer { totals(asOf: $asOf) { missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency } } }\n  }\n"): typeof import('./graphql.js').RestartTotalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ScaleOutCaseUpdates {\n    caseUpdated { kind caseId case { id status reimbursedUnits } }\n  }\n"): typeof import('./graphql.js').ScaleOutCaseUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScaleOutImports {\n    imports(first: 50) { edges { node { id fileName status rows inserted updated duplicates } } }\n  }\n"): typeof import('./graphql.js').ScaleOutImportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SharedCaseUpdates {\n    caseUpdated { kind caseId case { id status claimedUnits } }\n  }\n"): typeof import('./graphql.js').SharedCaseUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SharedCaseWithItems {\n    caseUpdated { kind case { id amazonCaseId type status claimedUnits reimbursedUnits openedAt closedAt description items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } } } }\n  }\n"): typeof import('./graphql.js').SharedCaseWithItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedCaseNow($id: ID!) {\n    case(id: $id) { id amazonCaseId type status claimedUnits reimbursedUnits openedAt closedAt description items { claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } } }\n  }\n"): typeof import('./graphql.js').SharedCaseNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SharedCaseHistory { caseUpdated { case { id history { action } } } }\n"): typeof import('./graphql.js').SharedCaseHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseUpdates($status: CaseStatus) {\n    caseUpdated(status: $status) { kind caseId at case { id status reimbursedUnits } }\n  }\n"): typeof import('./graphql.js').CaseUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MissingChanges {\n    missingChanged { skus at }\n  }\n"): typeof import('./graphql.js').MissingChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Deadlines {\n    deadlineApproaching { sku type units deadline }\n  }\n"): typeof import('./graphql.js').DeadlinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ParityMissing {\n    missingChanged { skus }\n  }\n"): typeof import('./graphql.js').ParityMissingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectAmazon($input: ConnectAmazonInput!) {\n    connectAmazon(input: $input) {\n      __typename\n      ... on ConnectAmazonSuccess { syncStatus { connection { status clientIdEnding marketplaceIds region syncEveryHours } } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ConnectAmazonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncAmazon {\n    syncAmazon {\n      __typename\n      ... on SyncAmazonSuccess { syncStatus { running } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').SyncAmazonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectAmazon {\n    disconnectAmazon { __typename ... on DisconnectAmazonSuccess { disconnected } ... on Error { code message } }\n  }\n"): typeof import('./graphql.js').DisconnectAmazonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncStatus {\n    syncStatus {\n      running nextRunAt lastSucceededAt error\n      connection { status lastError clientIdEnding marketplaceIds region syncEveryHours connectedAt }\n      lastRun {\n        id trigger status startedAt finishedAt error\n        feeds {\n          feed status wakeAt dataStart dataEnd amazonReportId rows inserted updated duplicates error finishedAt\n          imports { id kind fileName status rows inserted duplicates encoding }\n        }\n      }\n      runs(first: 5) { id status }\n    }\n  }\n"): typeof import('./graphql.js').SyncStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissingView($asOf: DateTime, $first: Int, $after: String) {\n    missingProducts(asOf: $asOf, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sku\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n          unitValue { amount currency }\n          reimbursable { amount currency }\n          byType {\n            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n            reimbursable { amount currency }\n          }\n        }\n      }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n    viewer {\n      totals(asOf: $asOf) {\n        missingUnits claimableUnits claimedUnits expiredUnits\n        reimbursable { amount currency }\n        reimbursed { amount currency }\n      }\n    }\n  }\n"): typeof import('./graphql.js').MissingViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayoutView($asOf: DateTime) {\n    missingProducts(asOf: $asOf, first: 50) {\n      edges { node { sku expectedPayout { amount currency } payoutBasis byType { type expectedPayout { amount currency } payoutBasis } } }\n    }\n    viewer { totals(asOf: $asOf) { expectedPayout { amount currency } underpaid { amount currency } } }\n    underpaidReimbursements(first: 10) {\n      totalCount\n      edges {\n        node {\n          reimbursementId approvalDate product { sku } type cashUnits basis\n          amountPerUnit { amount currency } expectedPerUnit { amount currency } underpaidBy { amount currency }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').PayoutViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordReceipt($input: RemovalReceiptInput!) {\n    recordRemovalReceipt(input: $input) {\n      __typename\n      ... on RecordRemovalReceiptSuccess {\n        shipment { orderId trackingNumber carrier shipmentDate product { sku } shippedUnits receivedUnits }\n      }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').RecordReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportReport($file: File!, $kind: ReportKind) {\n    importReport(file: $file, kind: $kind) {\n      __typename\n      ... on ImportReportSuccess {\n        import { id kind fileName status rows inserted updated duplicates encoding errors { line column message } }\n      }\n      ... on Error { code message }\n      ... on ImportRefusedError { errors { line column message } refusedImport { id status } }\n    }\n  }\n"): typeof import('./graphql.js').ImportReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HistoryChart {\n    history {\n      months {\n        month missingUnits claimedUnits reimbursedUnits expiredUnits\n        values {\n          currency\n          missing { amount currency } claimed { amount currency }\n          reimbursed { amount currency } expired { amount currency }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').HistoryChartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PhoneFirstPage($first: Int) {\n    missingProducts(first: $first) {\n      totalCount\n      edges {\n        node {\n          sku missingUnits claimableUnits claimedUnits expiredUnits\n          byType { type missingUnits claimableUnits claimedUnits expiredUnits }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').PhoneFirstPageDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
