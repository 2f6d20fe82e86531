/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** LOST and DAMAGED in a warehouse, INBOUND (received short), UNRETURNED (refunded, never returned). */
export type MissingType =
  | 'DAMAGED'
  | 'INBOUND'
  | 'LOST'
  | 'UNRETURNED';

/** The Amazon report a file is (REPORTS.md). */
export type ReportKind =
  | 'CUSTOMER_RETURNS'
  | 'INBOUND_SHIPMENTS'
  | 'LEDGER'
  | 'PRODUCT_COSTS'
  | 'REIMBURSEMENTS'
  | 'SETTLEMENT';

/** WAITING: too early to claim; CLAIMABLE: claim now; EXPIRED: the deadline passed (RULES.md section 4). */
export type WindowState =
  | 'CLAIMABLE'
  | 'EXPIRED'
  | 'WAITING';

export type MissingPageQueryVariables = Exact<{
  first?: number | null | undefined;
  asOf?: string | null | undefined;
}>;


export type MissingPageQuery = { missingProducts: { edges: Array<{ node: { sku: string, fnsku: string | null, asin: string | null, title: string | null, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, lastSalePrice: { amount: string, currency: string } | null, purchaseCost: { amount: string, currency: string } | null, unitValue: { amount: string, currency: string } | null, reimbursable: { amount: string, currency: string } | null, byType: Array<{ type: MissingType, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, reimbursable: { amount: string, currency: string } | null }>, evidence: Array<{ type: MissingType, date: string, units: number, state: WindowState, deadline: string, source: string, reference: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ProductsPageQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ProductsPageQuery = { products: { edges: Array<{ node: { sku: string, missingUnits: number, expiredUnits: number, nextDeadline: string | null, byType: Array<{ type: MissingType, missingUnits: number }>, evidence: Array<{ units: number, state: WindowState }> } }> } };

export type MissingViewQueryVariables = Exact<{
  asOf?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MissingViewQuery = { missingProducts: { edges: Array<{ cursor: string, node: { sku: string, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, unitValue: { amount: string, currency: string } | null, reimbursable: { amount: string, currency: string } | null, byType: Array<{ type: MissingType, missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, nextDeadline: string | null, reimbursable: { amount: string, currency: string } | null }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } }, viewer: { totals: { missingUnits: number, claimableUnits: number, claimedUnits: number, expiredUnits: number, reimbursable: Array<{ amount: string, currency: string }>, reimbursed: Array<{ amount: string, currency: string }> } } };

export type ProductEvidenceQueryVariables = Exact<{
  sku: string;
  asOf?: string | null | undefined;
  type?: MissingType | null | undefined;
}>;


export type ProductEvidenceQuery = { product: { sku: string, nextDeadline: string | null, evidence: Array<{ type: MissingType, date: string, units: number, state: WindowState, deadline: string, source: string, reference: string | null, reasonCode: string | null }> } | null };

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

export type ImportReportMutationVariables = Exact<{
  file: File;
  kind?: ReportKind | null | undefined;
}>;


export type ImportReportMutation = { importReport:
    | { __typename: 'DomainError', code: string, message: string }
    | { __typename: 'ImportRefusedError', code: string, message: string, errors: Array<{ line: number, column: string | null, message: string }>, refusedImport: { id: string, status: string } | null }
    | { __typename: 'ImportReportSuccess', import: { id: string, kind: ReportKind, fileName: string, status: string, rows: number, inserted: number, updated: number, duplicates: number, encoding: string | null, errors: Array<{ line: number, column: string | null, message: string }> } }
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