// Settlement report, flat file V2 (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2): docs/reports.md section 4.
import type { ReportFormat } from './format.js';

export interface SettlementValues {
  settlementId: string;
  settlementStartDate?: Date;
  settlementEndDate?: Date;
  depositDate?: Date;
  totalAmount?: string;
  /** The row's currency, or its settlement's: only the summary row of a settlement names it. */
  currency?: string;
  transactionType?: string;
  orderId?: string;
  merchantOrderId?: string;
  adjustmentId?: string;
  shipmentId?: string;
  marketplaceName?: string;
  amountType?: string;
  amountDescription?: string;
  amount?: string;
  fulfillmentId?: string;
  postedDate?: Date;
  orderItemCode?: string;
  merchantOrderItemId?: string;
  merchantAdjustmentItemId?: string;
  sku?: string;
  quantityPurchased?: number;
}

const columns = {
  settlementId: { name: 'settlement-id', required: true, text: 'id' },
  settlementStartDate: { name: 'settlement-start-date' },
  settlementEndDate: { name: 'settlement-end-date' },
  depositDate: { name: 'deposit-date' },
  totalAmount: { name: 'total-amount' },
  currency: { name: 'currency' },
  transactionType: { name: 'transaction-type', required: true },
  orderId: { name: 'order-id', aliases: ['amazon-order-id'], text: 'orderId' },
  merchantOrderId: { name: 'merchant-order-id', text: 'orderId' },
  adjustmentId: { name: 'adjustment-id', text: 'id' },
  shipmentId: { name: 'shipment-id', text: 'id' },
  marketplaceName: { name: 'marketplace-name' },
  amountType: { name: 'amount-type', required: true },
  amountDescription: { name: 'amount-description', required: true, text: 'text' },
  amount: { name: 'amount', required: true },
  fulfillmentId: { name: 'fulfillment-id', text: 'id' },
  postedDate: { name: 'posted-date' },
  postedDateTime: { name: 'posted-date-time' },
  orderItemCode: { name: 'order-item-code', text: 'id' },
  merchantOrderItemId: { name: 'merchant-order-item-id', text: 'id' },
  merchantAdjustmentItemId: { name: 'merchant-adjustment-item-id', text: 'id' },
  sku: { name: 'sku', aliases: ['seller-sku'], text: 'sku' },
  quantityPurchased: { name: 'quantity-purchased' },
} as const;

export const settlementFormat: ReportFormat<SettlementValues, keyof typeof columns> = {
  kind: 'SETTLEMENT',
  title: 'Settlement report (flat file V2)',
  columns,
  repeatedRowsAreDistinct: true,
  newRowReader: () => {
    const currencyOfSettlement = new Map<string, string>();
    return (row) => {
      const before = row.problems.length;
      const settlementId = row.requiredText('settlementId');
      const transactionType = row.text('transactionType');
      const ownCurrency = row.text('currency')?.toUpperCase();
      if (ownCurrency && !currencyOfSettlement.has(settlementId)) currencyOfSettlement.set(settlementId, ownCurrency);
      const postedDateTime = row.instant('postedDateTime');
      // A settlement's summary row has no transaction and no posting date: only its data rows need one.
      const postedDate =
        postedDateTime ?? row.instant('postedDate', transactionType !== undefined && !row.text('postedDateTime'));
      const values: SettlementValues = {
        settlementId,
        settlementStartDate: row.instant('settlementStartDate'),
        settlementEndDate: row.instant('settlementEndDate'),
        depositDate: row.instant('depositDate'),
        totalAmount: row.decimal('totalAmount'),
        currency: ownCurrency ?? currencyOfSettlement.get(settlementId),
        transactionType,
        orderId: row.text('orderId'),
        merchantOrderId: row.text('merchantOrderId'),
        adjustmentId: row.text('adjustmentId'),
        shipmentId: row.text('shipmentId'),
        marketplaceName: row.text('marketplaceName'),
        amountType: row.text('amountType'),
        amountDescription: row.text('amountDescription'),
        amount: row.decimal('amount'),
        fulfillmentId: row.text('fulfillmentId'),
        postedDate,
        orderItemCode: row.text('orderItemCode'),
        merchantOrderItemId: row.text('merchantOrderItemId'),
        merchantAdjustmentItemId: row.text('merchantAdjustmentItemId'),
        sku: row.text('sku'),
        quantityPurchased: row.integer('quantityPurchased'),
      };
      if (row.problems.length > before) return undefined;
      return {
        values,
        identity: [
          values.settlementId,
          values.settlementStartDate?.toISOString(),
          values.settlementEndDate?.toISOString(),
          values.depositDate?.toISOString(),
          values.totalAmount,
          ownCurrency,
          values.transactionType,
          values.orderId,
          values.merchantOrderId,
          values.adjustmentId,
          values.shipmentId,
          values.amountType,
          values.amountDescription,
          values.amount,
          values.fulfillmentId,
          values.postedDate?.toISOString(),
          values.orderItemCode,
          values.merchantOrderItemId,
          values.merchantAdjustmentItemId,
          values.sku,
          values.quantityPurchased,
        ],
        product: values.sku ? { sku: values.sku } : undefined,
      };
    };
  },
};

/** The columns of the flat file V2, in Amazon's order: for the files Reclaim writes (the demo, Finances refunds). */
export const SETTLEMENT_COLUMNS = [
  'settlement-id',
  'settlement-start-date',
  'settlement-end-date',
  'deposit-date',
  'total-amount',
  'currency',
  'transaction-type',
  'order-id',
  'merchant-order-id',
  'adjustment-id',
  'shipment-id',
  'marketplace-name',
  'amount-type',
  'amount-description',
  'amount',
  'fulfillment-id',
  'posted-date',
  'posted-date-time',
  'order-item-code',
  'merchant-order-item-id',
  'merchant-adjustment-item-id',
  'sku',
  'quantity-purchased',
] as const;
