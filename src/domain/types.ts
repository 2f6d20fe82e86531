// The words of docs/rules.md and docs/api.md as types. They match the database enums value for value.

export const MISSING_TYPES = ['LOST', 'DAMAGED', 'INBOUND', 'UNRETURNED', 'REMOVAL'] as const;
export type MissingType = (typeof MISSING_TYPES)[number];

export const REPORT_KINDS = [
  'LEDGER',
  'REIMBURSEMENTS',
  'CUSTOMER_RETURNS',
  'SETTLEMENT',
  'INBOUND_SHIPMENTS',
  'PRODUCT_COSTS',
  'REMOVAL_ORDERS',
  'REMOVAL_SHIPMENTS',
  'REMOVAL_RECEIPTS',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REGIONS = ['NA', 'EU', 'FE'] as const;
export type Region = (typeof REGIONS)[number];

export const VALUATIONS = ['LAST_SALE_PRICE', 'PURCHASE_COST'] as const;
export type Valuation = (typeof VALUATIONS)[number];
