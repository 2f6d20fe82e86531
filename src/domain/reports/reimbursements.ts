// Reimbursements (GET_FBA_REIMBURSEMENTS_DATA): docs/reports.md section 2; a line's identity is docs/rules.md section 2.
import { normaliseReason } from '../reimbursement-types.js';
import type { ReportFormat } from './format.js';

export interface ReimbursementValues {
  approvalDate: Date;
  reimbursementId: string;
  caseId?: string;
  amazonOrderId?: string;
  reason: string;
  sku: string;
  fnsku?: string;
  asin?: string;
  productName?: string;
  condition?: string;
  currency: string;
  amountPerUnit?: string;
  amountTotal: string;
  quantityCash: number;
  quantityInventory: number;
  quantityTotal: number;
  originalReimbursementId?: string;
  originalReimbursementType?: string;
}

const columns = {
  approvalDate: { name: 'approval-date', required: true },
  reimbursementId: { name: 'reimbursement-id', required: true, text: 'id' },
  caseId: { name: 'case-id', text: 'id' },
  amazonOrderId: { name: 'amazon-order-id', aliases: ['order-id'], text: 'orderId' },
  reason: { name: 'reason', required: true },
  sku: { name: 'sku', aliases: ['seller-sku', 'msku'], required: true, text: 'sku' },
  fnsku: { name: 'fnsku', text: 'fnsku' },
  asin: { name: 'asin', text: 'asin' },
  productName: { name: 'product-name', aliases: ['title'], text: 'title' },
  condition: { name: 'condition' },
  currency: { name: 'currency-unit', aliases: ['currency'], required: true },
  amountPerUnit: { name: 'amount-per-unit' },
  amountTotal: { name: 'amount-total', required: true },
  quantityCash: { name: 'quantity-reimbursed-cash' },
  quantityInventory: { name: 'quantity-reimbursed-inventory' },
  quantityTotal: { name: 'quantity-reimbursed-total' },
  originalReimbursementId: { name: 'original-reimbursement-id', text: 'id' },
  originalReimbursementType: { name: 'original-reimbursement-type' },
} as const;

export const reimbursementsFormat: ReportFormat<ReimbursementValues, keyof typeof columns> = {
  kind: 'REIMBURSEMENTS',
  title: 'Reimbursements',
  columns,
  repeatedRowsAreDistinct: false,
  newRowReader: () => (row) => {
    const before = row.problems.length;
    const cash = row.integer('quantityCash');
    const inventory = row.integer('quantityInventory');
    let total = row.integer('quantityTotal');
    if (total === undefined && row.text('quantityTotal') === undefined) {
      if (cash === undefined && inventory === undefined) {
        row.problem(row.has('quantityTotal') ? 'quantityTotal' : undefined, 'quantity-reimbursed-total is empty');
      } else {
        total = (cash ?? 0) + (inventory ?? 0);
      }
    }
    const values: ReimbursementValues = {
      approvalDate: row.instant('approvalDate', true) ?? new Date(0),
      reimbursementId: row.requiredText('reimbursementId'),
      caseId: row.text('caseId'),
      amazonOrderId: row.text('amazonOrderId'),
      reason: row.requiredText('reason'),
      sku: row.requiredText('sku'),
      fnsku: row.text('fnsku'),
      asin: row.text('asin'),
      productName: row.text('productName'),
      condition: row.text('condition'),
      currency: row.requiredText('currency').toUpperCase(),
      amountPerUnit: row.decimal('amountPerUnit'),
      amountTotal: row.decimal('amountTotal', true) ?? '0',
      quantityCash: cash ?? 0,
      quantityInventory: inventory ?? 0,
      quantityTotal: total ?? 0,
      originalReimbursementId: row.text('originalReimbursementId'),
      originalReimbursementType: row.text('originalReimbursementType'),
    };
    if (row.problems.length > before) return undefined;
    return {
      values,
      identity: [
        values.reimbursementId,
        values.sku,
        normaliseReason(values.reason),
        values.quantityTotal,
        values.amountTotal,
        values.approvalDate.toISOString(),
      ],
      product: { sku: values.sku, fnsku: values.fnsku, asin: values.asin, title: values.productName },
    };
  },
};
