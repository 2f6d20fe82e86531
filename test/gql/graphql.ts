/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The Amazon report a file is (REPORTS.md). */
export type ReportKind =
  | 'CUSTOMER_RETURNS'
  | 'INBOUND_SHIPMENTS'
  | 'LEDGER'
  | 'PRODUCT_COSTS'
  | 'REIMBURSEMENTS'
  | 'SETTLEMENT';

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