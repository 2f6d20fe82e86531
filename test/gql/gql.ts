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
    "\n  query MissingPage($first: Int, $asOf: DateTime) {\n    missingProducts(first: $first, asOf: $asOf) {\n      edges {\n        node {\n          sku fnsku asin title\n          lastSalePrice { amount currency } purchaseCost { amount currency } unitValue { amount currency }\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }\n          byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency } }\n          evidence { type date units state deadline source reference }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MissingPageDocument,
    "\n  query ProductsPage($first: Int) {\n    products(first: $first) {\n      edges { node { sku missingUnits expiredUnits nextDeadline byType { type missingUnits } evidence { units state } } }\n    }\n  }\n": typeof types.ProductsPageDocument,
    "\n  query MissingView($asOf: DateTime, $first: Int, $after: String) {\n    missingProducts(asOf: $asOf, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sku\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n          unitValue { amount currency }\n          reimbursable { amount currency }\n          byType {\n            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n            reimbursable { amount currency }\n          }\n        }\n      }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n    viewer {\n      totals(asOf: $asOf) {\n        missingUnits claimableUnits claimedUnits expiredUnits\n        reimbursable { amount currency }\n        reimbursed { amount currency }\n      }\n    }\n  }\n": typeof types.MissingViewDocument,
    "\n  query ProductEvidence($sku: String!, $asOf: DateTime, $type: MissingType) {\n    product(sku: $sku, asOf: $asOf) {\n      sku nextDeadline\n      evidence(type: $type) { type date units state deadline source reference reasonCode }\n    }\n  }\n": typeof types.ProductEvidenceDocument,
    "\n  query LatestImport {\n    imports(first: 1) { edges { node { id status errorCount errors { line column message } } } }\n  }\n": typeof types.LatestImportDocument,
    "\n  query ProductBySku($sku: String!) {\n    product(sku: $sku) { sku fnsku asin title purchaseCost { amount currency } }\n  }\n": typeof types.ProductBySkuDocument,
    "\n  query RecentImports($first: Int) {\n    imports(first: $first) { edges { node { id fileName kind status rows inserted duplicates errors { line } } } pageInfo { hasNextPage } }\n  }\n": typeof types.RecentImportsDocument,
    "\n  query EverythingOfAnAccount {\n    imports(first: 50) { edges { node { id } } }\n    product(sku: \"SKU-MUG-01\") { sku }\n    products(first: 10) { edges { node { sku } } }\n  }\n": typeof types.EverythingOfAnAccountDocument,
    "\n  mutation ImportReport($file: File!, $kind: ReportKind) {\n    importReport(file: $file, kind: $kind) {\n      __typename\n      ... on ImportReportSuccess {\n        import { id kind fileName status rows inserted updated duplicates encoding errors { line column message } }\n      }\n      ... on Error { code message }\n      ... on ImportRefusedError { errors { line column message } refusedImport { id status } }\n    }\n  }\n": typeof types.ImportReportDocument,
};
const documents: Documents = {
    "\n  query MissingPage($first: Int, $asOf: DateTime) {\n    missingProducts(first: $first, asOf: $asOf) {\n      edges {\n        node {\n          sku fnsku asin title\n          lastSalePrice { amount currency } purchaseCost { amount currency } unitValue { amount currency }\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }\n          byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency } }\n          evidence { type date units state deadline source reference }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MissingPageDocument,
    "\n  query ProductsPage($first: Int) {\n    products(first: $first) {\n      edges { node { sku missingUnits expiredUnits nextDeadline byType { type missingUnits } evidence { units state } } }\n    }\n  }\n": types.ProductsPageDocument,
    "\n  query MissingView($asOf: DateTime, $first: Int, $after: String) {\n    missingProducts(asOf: $asOf, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sku\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n          unitValue { amount currency }\n          reimbursable { amount currency }\n          byType {\n            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n            reimbursable { amount currency }\n          }\n        }\n      }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n    viewer {\n      totals(asOf: $asOf) {\n        missingUnits claimableUnits claimedUnits expiredUnits\n        reimbursable { amount currency }\n        reimbursed { amount currency }\n      }\n    }\n  }\n": types.MissingViewDocument,
    "\n  query ProductEvidence($sku: String!, $asOf: DateTime, $type: MissingType) {\n    product(sku: $sku, asOf: $asOf) {\n      sku nextDeadline\n      evidence(type: $type) { type date units state deadline source reference reasonCode }\n    }\n  }\n": types.ProductEvidenceDocument,
    "\n  query LatestImport {\n    imports(first: 1) { edges { node { id status errorCount errors { line column message } } } }\n  }\n": types.LatestImportDocument,
    "\n  query ProductBySku($sku: String!) {\n    product(sku: $sku) { sku fnsku asin title purchaseCost { amount currency } }\n  }\n": types.ProductBySkuDocument,
    "\n  query RecentImports($first: Int) {\n    imports(first: $first) { edges { node { id fileName kind status rows inserted duplicates errors { line } } } pageInfo { hasNextPage } }\n  }\n": types.RecentImportsDocument,
    "\n  query EverythingOfAnAccount {\n    imports(first: 50) { edges { node { id } } }\n    product(sku: \"SKU-MUG-01\") { sku }\n    products(first: 10) { edges { node { sku } } }\n  }\n": types.EverythingOfAnAccountDocument,
    "\n  mutation ImportReport($file: File!, $kind: ReportKind) {\n    importReport(file: $file, kind: $kind) {\n      __typename\n      ... on ImportReportSuccess {\n        import { id kind fileName status rows inserted updated duplicates encoding errors { line column message } }\n      }\n      ... on Error { code message }\n      ... on ImportRefusedError { errors { line column message } refusedImport { id status } }\n    }\n  }\n": types.ImportReportDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissingPage($first: Int, $asOf: DateTime) {\n    missingProducts(first: $first, asOf: $asOf) {\n      edges {\n        node {\n          sku fnsku asin title\n          lastSalePrice { amount currency } purchaseCost { amount currency } unitValue { amount currency }\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency }\n          byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline reimbursable { amount currency } }\n          evidence { type date units state deadline source reference }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql.js').MissingPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductsPage($first: Int) {\n    products(first: $first) {\n      edges { node { sku missingUnits expiredUnits nextDeadline byType { type missingUnits } evidence { units state } } }\n    }\n  }\n"): typeof import('./graphql.js').ProductsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissingView($asOf: DateTime, $first: Int, $after: String) {\n    missingProducts(asOf: $asOf, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sku\n          missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n          unitValue { amount currency }\n          reimbursable { amount currency }\n          byType {\n            type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline\n            reimbursable { amount currency }\n          }\n        }\n      }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n    viewer {\n      totals(asOf: $asOf) {\n        missingUnits claimableUnits claimedUnits expiredUnits\n        reimbursable { amount currency }\n        reimbursed { amount currency }\n      }\n    }\n  }\n"): typeof import('./graphql.js').MissingViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductEvidence($sku: String!, $asOf: DateTime, $type: MissingType) {\n    product(sku: $sku, asOf: $asOf) {\n      sku nextDeadline\n      evidence(type: $type) { type date units state deadline source reference reasonCode }\n    }\n  }\n"): typeof import('./graphql.js').ProductEvidenceDocument;
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
export function graphql(source: "\n  mutation ImportReport($file: File!, $kind: ReportKind) {\n    importReport(file: $file, kind: $kind) {\n      __typename\n      ... on ImportReportSuccess {\n        import { id kind fileName status rows inserted updated duplicates encoding errors { line column message } }\n      }\n      ... on Error { code message }\n      ... on ImportRefusedError { errors { line column message } refusedImport { id status } }\n    }\n  }\n"): typeof import('./graphql.js').ImportReportDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
