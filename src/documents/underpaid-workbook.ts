// The Excel evidence of an underpaid reimbursement (docs/rules.md section 9): the line as Amazon paid it beside what its
// policy pays, then the rows the expected payout comes from (the cost on file, the last sale, or the order's
// settlement rows), and where to ask for the review.
import type { UnderpaidReview } from '../domain/claims/underpaid.js';
import type { Money } from '../domain/money.js';
import type { BasisRow } from '../store/underpaid.js';
import { addRow, addSheet, type Column, DATE, MONEY, TEXT, UNITS, writeWorkbook } from './claim-workbook.js';

export interface UnderpaidWorkbookInput {
  review: UnderpaidReview;
  basisRows: readonly BasisRow[];
  sellerCentralUrl: string;
  guidance: readonly string[];
  /** The day the document is made. */
  asOfDay: string;
}

const LINE: Column[] = [
  { header: 'Seller', key: 'seller', width: 24, format: TEXT },
  { header: 'Reimbursement ID', key: 'reimbursementId', width: 16, format: TEXT },
  { header: 'Approval date', key: 'approvalDate', width: 12, format: DATE },
  { header: 'Type', key: 'type', width: 12, format: TEXT },
  { header: 'SKU', key: 'sku', width: 18, format: TEXT },
  { header: 'FNSKU', key: 'fnsku', width: 13, format: TEXT },
  { header: 'ASIN', key: 'asin', width: 13, format: TEXT },
  { header: 'Title', key: 'title', width: 40, format: TEXT },
  { header: 'Cash units', key: 'cashUnits', width: 8, format: UNITS },
  { header: 'Paid per unit', key: 'paidPerUnit', width: 12, format: MONEY },
  { header: 'Paid', key: 'paid', width: 12, format: MONEY },
  { header: 'Expected per unit', key: 'expectedPerUnit', width: 14, format: MONEY },
  { header: 'Expected', key: 'expected', width: 12, format: MONEY },
  { header: 'Shortfall', key: 'shortfall', width: 12, format: MONEY },
  { header: 'Currency', key: 'currency', width: 9, format: TEXT },
  { header: 'Payout basis', key: 'basis', width: 22, format: TEXT },
  { header: 'Order ID', key: 'orderId', width: 20, format: TEXT },
];

const BASIS: Column[] = [
  { header: 'Source', key: 'source', width: 14, format: TEXT },
  { header: 'Reference', key: 'reference', width: 22, format: TEXT },
  { header: 'Date', key: 'date', width: 12, format: DATE },
  { header: 'Transaction type', key: 'transactionType', width: 14, format: TEXT },
  { header: 'Amount type', key: 'amountType', width: 14, format: TEXT },
  { header: 'Amount description', key: 'amountDescription', width: 22, format: TEXT },
  { header: 'Amount', key: 'amount', width: 12, format: MONEY },
  { header: 'Currency', key: 'currency', width: 9, format: TEXT },
  { header: 'Quantity', key: 'quantity', width: 8, format: UNITS },
];

const REVIEW: Column[] = [{ header: 'Ask Amazon for a review', key: 'step', width: 120, format: TEXT }];

const number = (value: Money) => value.amount.toDecimalPlaces(4).toNumber();

export function underpaidWorkbook(input: UnderpaidWorkbookInput): Promise<Buffer> {
  const { review } = input;
  return writeWorkbook(new Date(`${input.asOfDay}T00:00:00Z`), async (workbook) => {
    const line = addSheet(workbook, 'Reimbursement', LINE);
    addRow(line, {
      seller: review.sellerName,
      reimbursementId: review.reimbursementId,
      approvalDate: new Date(`${review.approvalDay}T00:00:00Z`),
      type: review.type,
      sku: review.product.sku,
      fnsku: review.product.fnsku ?? '',
      asin: review.product.asin ?? '',
      title: review.product.title ?? '',
      cashUnits: review.cashUnits,
      paidPerUnit: number(review.amountPerUnit),
      paid: review.amountPerUnit.amount.times(review.cashUnits).toDecimalPlaces(4).toNumber(),
      expectedPerUnit: number(review.expectedPerUnit),
      expected: review.expectedPerUnit.amount.times(review.cashUnits).toDecimalPlaces(4).toNumber(),
      shortfall: number(review.underpaidBy),
      currency: review.underpaidBy.currency,
      basis: review.basis,
      orderId: review.orderId ?? '',
    });
    await line.commit();

    const basis = addSheet(workbook, 'Basis', BASIS);
    for (const row of input.basisRows) {
      addRow(basis, {
        source: row.source,
        reference: row.reference,
        date: row.date,
        transactionType: row.transactionType ?? '',
        amountType: row.amountType ?? '',
        amountDescription: row.amountDescription ?? '',
        amount: row.amount ? number(row.amount) : null,
        currency: row.amount?.currency ?? '',
        quantity: row.quantity,
      });
    }
    await basis.commit();

    const steps = addSheet(workbook, 'Review', REVIEW);
    addRow(steps, { step: input.sellerCentralUrl });
    for (const step of input.guidance) addRow(steps, { step });
    await steps.commit();
  });
}
