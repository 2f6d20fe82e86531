// Refunds Amazon has not settled yet, from Finances v0 listFinancialEvents: they become rows of a provisional
// settlement in the settlement report's format (REPORTS.md section 4), so detection reads them like any refund.
// The settlement that later holds them replaces them (src/store/provisional-refunds.ts).

import { SETTLEMENT_COLUMNS } from '../reports/settlement.js';

/** The settlement-id of the provisional rows: no Amazon settlement id looks like it. */
export const PROVISIONAL_SETTLEMENT_ID = 'FINANCES-UNSETTLED';

interface Amount {
  CurrencyCode?: string;
  CurrencyAmount?: number | string;
}
interface Charge {
  ChargeType?: string;
  ChargeAmount?: Amount;
}
interface RefundItem {
  SellerSKU?: string;
  OrderAdjustmentItemId?: string;
  QuantityShipped?: number;
  ItemChargeAdjustmentList?: Charge[];
}
interface RefundEvent {
  AmazonOrderId?: string;
  SellerOrderId?: string;
  MarketplaceName?: string;
  PostedDate?: string;
  ShipmentItemAdjustmentList?: RefundItem[];
}
export interface FinancialEventsPage {
  payload?: { FinancialEvents?: { RefundEventList?: RefundEvent[] }; NextToken?: string };
}

export interface ConversionProblem {
  path: string;
  message: string;
}

const clean = (value: string | undefined) => (value ?? '').replace(/[\t\r\n]+/g, ' ').trim();

/**
 * The principal of each refunded item, one settlement row per item (its quantity when Finances gives one). Finances
 * does not say how an order was fulfilled: a refund counts as FBA (`AFN`) when its SKU is one the account's FBA
 * reports know (`isFbaSku`), as Amazon's own settlement would say.
 */
export function refundsAsSettlementText(
  pages: readonly FinancialEventsPage[],
  isFbaSku: (sku: string) => boolean,
): { text: string; rows: number; problems: ConversionProblem[] } {
  const lines = [SETTLEMENT_COLUMNS.join('\t')];
  const problems: ConversionProblem[] = [];
  pages.forEach((page, pageIndex) => {
    const events = page.payload?.FinancialEvents?.RefundEventList ?? [];
    events.forEach((event, eventIndex) => {
      const at = `[${pageIndex}].RefundEventList[${eventIndex}]`;
      if (!event.AmazonOrderId || !event.PostedDate || Number.isNaN(Date.parse(event.PostedDate))) {
        problems.push({ path: at, message: 'a refund event needs AmazonOrderId and a PostedDate' });
        return;
      }
      const posted = new Date(event.PostedDate).toISOString();
      (event.ShipmentItemAdjustmentList ?? []).forEach((item, itemIndex) => {
        const sku = clean(item.SellerSKU);
        const principal = (item.ItemChargeAdjustmentList ?? []).find((charge) => charge.ChargeType === 'Principal');
        if (!sku || !principal?.ChargeAmount) return;
        const amount = String(principal.ChargeAmount.CurrencyAmount ?? '');
        if (!/^-?\d+(\.\d+)?$/.test(amount)) {
          problems.push({
            path: `${at}.ShipmentItemAdjustmentList[${itemIndex}]`,
            message: `amount ${amount} is not a number`,
          });
          return;
        }
        const row: Record<(typeof SETTLEMENT_COLUMNS)[number], string> = {
          'settlement-id': PROVISIONAL_SETTLEMENT_ID,
          'settlement-start-date': '',
          'settlement-end-date': '',
          'deposit-date': '',
          'total-amount': '',
          currency: clean(principal.ChargeAmount.CurrencyCode),
          'transaction-type': 'Refund',
          'order-id': clean(event.AmazonOrderId),
          'merchant-order-id': clean(event.SellerOrderId),
          'adjustment-id': '',
          'shipment-id': '',
          'marketplace-name': clean(event.MarketplaceName),
          'amount-type': 'ItemPrice',
          'amount-description': 'Principal',
          amount,
          'fulfillment-id': isFbaSku(sku) ? 'AFN' : 'MFN',
          'posted-date': posted.slice(0, 10),
          'posted-date-time': posted,
          'order-item-code': '',
          'merchant-order-item-id': '',
          'merchant-adjustment-item-id': clean(item.OrderAdjustmentItemId),
          sku,
          'quantity-purchased': Number.isInteger(item.QuantityShipped) ? String(item.QuantityShipped) : '',
        };
        lines.push(SETTLEMENT_COLUMNS.map((column) => row[column]).join('\t'));
      });
    });
  });
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1, problems };
}
