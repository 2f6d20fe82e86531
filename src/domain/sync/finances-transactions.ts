// Orders and refunds Amazon has not settled yet, from Finances 2024-06-19 listTransactions: they become rows of a
// provisional settlement in the settlement report's format (docs/reports.md section 4), so that detection reads them like
// any settlement: each refunded item's principal (the UNRETURNED rule), each sold item's principal (the last sale
// price), and the fees Amazon took or gave back on each (amount-type ItemFees, as the settlement itemises them). The
// settlement that later holds them replaces them (dropSettledProvisionalRefunds).
//
// Amazon's answers are read leniently: the model marks every field optional, and live answers carry nulls where the
// model says string or array (selling-partner-api-models issue #4993). A transaction that cannot become a row (a refund
// without its order id, say) is skipped and counted, never a reason to lose the others.
import { Decimal } from '../decimal.js';
import { SETTLEMENT_COLUMNS } from '../reports/settlement.js';

/** The settlement-id of the provisional rows: no Amazon settlement id looks like it. */
export const PROVISIONAL_SETTLEMENT_ID = 'FINANCES-UNSETTLED';

interface Currency {
  currencyCode?: string | null;
  currencyAmount?: number | string | null;
}
interface Breakdown {
  breakdownType?: string | null;
  breakdownAmount?: Currency | null;
  breakdowns?: Breakdown[] | null;
}
interface Context {
  contextType?: string | null;
  sku?: string | null;
  quantityShipped?: number | null;
  fulfillmentNetwork?: string | null;
}
interface Item {
  relatedIdentifiers?: Array<{
    itemRelatedIdentifierName?: string | null;
    itemRelatedIdentifierValue?: string | null;
  }> | null;
  breakdowns?: Breakdown[] | null;
  contexts?: Context[] | null;
}
export interface Transaction {
  transactionType?: string | null;
  transactionStatus?: string | null;
  postedDate?: string | null;
  relatedIdentifiers?: Array<{ relatedIdentifierName?: string | null; relatedIdentifierValue?: string | null }> | null;
  marketplaceDetails?: { marketplaceName?: string | null } | null;
  items?: Item[] | null;
}
export interface TransactionsPage {
  payload?: { transactions?: Transaction[] | null; nextToken?: string | null } | null;
}

export interface ProvisionalSettlement {
  text: string;
  rows: number;
  /** Refunded items written (each one a Principal row). */
  refunds: number;
  /** Transactions of interest that could not become rows, with why. */
  skipped: Array<{ transaction: string; reason: string }>;
}

/** The breakdown types of an item's principal: live answers say OurPricePrincipal; the model's example "Principle". */
const PRINCIPAL_TYPES = new Set(['OurPricePrincipal', 'Principal', 'Principle']);
/** The breakdown under which an item's fees are itemised, each of its children one fee. */
const FEES_TYPE = 'AmazonFees';

const clean = (value: string | null | undefined) => (value ?? '').replace(/[\t\r\n]+/g, ' ').trim();

function amountOf(currency: Currency | null | undefined): string | undefined {
  const value = currency?.currencyAmount;
  if (value === null || value === undefined || value === '') return undefined;
  try {
    // From the JSON number's shortest text (-19.99), never through float arithmetic.
    return new Decimal(String(value)).toFixed();
  } catch {
    return undefined;
  }
}

function* walk(breakdowns: Breakdown[] | null | undefined): Generator<Breakdown> {
  for (const breakdown of breakdowns ?? []) {
    if (!breakdown) continue;
    yield breakdown;
    yield* walk(breakdown.breakdowns);
  }
}

/** The item's principal: the sum of its principal breakdowns, wherever they sit (ProductCharges in live answers). */
function principalOf(item: Item): { amount: string; currency: string } | undefined {
  let total: Decimal | undefined;
  let currency = '';
  for (const breakdown of walk(item.breakdowns)) {
    if (!PRINCIPAL_TYPES.has(clean(breakdown.breakdownType))) continue;
    const amount = amountOf(breakdown.breakdownAmount);
    if (amount === undefined) continue;
    total = (total ?? new Decimal(0)).plus(amount);
    currency ||= clean(breakdown.breakdownAmount?.currencyCode);
  }
  return total && { amount: total.toFixed(), currency };
}

/** Each fee under AmazonFees, by its name (Commission, FBAPerUnitFulfillmentFee, RefundCommission…), signed. */
function feesOf(item: Item): Array<{ name: string; amount: string; currency: string }> {
  const fees: Array<{ name: string; amount: string; currency: string }> = [];
  for (const group of walk(item.breakdowns)) {
    if (clean(group.breakdownType) !== FEES_TYPE) continue;
    // A fee's own total, not its Base and Tax split below it.
    const children = (group.breakdowns ?? []).filter(Boolean);
    for (const fee of children.length > 0 ? children : [group]) {
      const amount = amountOf(fee.breakdownAmount);
      if (amount === undefined) continue;
      fees.push({ name: clean(fee.breakdownType), amount, currency: clean(fee.breakdownAmount?.currencyCode) });
    }
  }
  return fees;
}

function relatedOf(transaction: Transaction, name: string): string | undefined {
  const found = (transaction.relatedIdentifiers ?? []).find((identifier) => identifier?.relatedIdentifierName === name);
  return clean(found?.relatedIdentifierValue) || undefined;
}

/**
 * The provisional settlement of some pages of listTransactions: for every Refund and Shipment (sale) transaction,
 * per item, a Principal row (transaction-type Refund or Order, with the item's quantity) and one ItemFees row per fee.
 * The release of a deferred transaction (it names a DEFERRED_TRANSACTION_ID) repeats the transaction it releases and
 * is left out: a refund counts once, on the day it was given. Finances does not always say how an item was fulfilled:
 * without a fulfillmentNetwork, an item counts as FBA (`AFN`) when its SKU is one the account's FBA reports know.
 */
export function transactionsAsSettlementText(
  pages: readonly TransactionsPage[],
  isFbaSku: (sku: string) => boolean,
): ProvisionalSettlement {
  const lines = [SETTLEMENT_COLUMNS.join('\t')];
  const skipped: ProvisionalSettlement['skipped'] = [];
  let refunds = 0;
  pages.forEach((page, pageIndex) => {
    (page.payload?.transactions ?? []).forEach((transaction, index) => {
      if (!transaction) return;
      const type = clean(transaction.transactionType);
      const transactionType = type === 'Refund' ? 'Refund' : type === 'Shipment' ? 'Order' : undefined;
      if (!transactionType) return;
      const at = `page ${pageIndex + 1}, transaction ${index + 1} (${type})`;
      if (relatedOf(transaction, 'DEFERRED_TRANSACTION_ID')) return;
      const orderId = relatedOf(transaction, 'ORDER_ID');
      const posted = Date.parse(transaction.postedDate ?? '');
      if (!orderId || Number.isNaN(posted)) {
        skipped.push({ transaction: at, reason: 'it names no ORDER_ID or no valid postedDate' });
        return;
      }
      const postedAt = new Date(posted).toISOString();
      for (const item of transaction.items ?? []) {
        if (!item) continue;
        const product = (item.contexts ?? []).find((context) => clean(context?.sku));
        const sku = clean(product?.sku);
        const principal = principalOf(item);
        if (!sku || !principal) {
          skipped.push({ transaction: at, reason: 'an item has no SKU or no principal amount' });
          continue;
        }
        const network = clean(product?.fulfillmentNetwork).toUpperCase();
        const quantity = product?.quantityShipped;
        const base: Record<(typeof SETTLEMENT_COLUMNS)[number], string> = {
          'settlement-id': PROVISIONAL_SETTLEMENT_ID,
          'settlement-start-date': '',
          'settlement-end-date': '',
          'deposit-date': '',
          'total-amount': '',
          currency: principal.currency,
          'transaction-type': transactionType,
          'order-id': orderId,
          'merchant-order-id': '',
          'adjustment-id': '',
          'shipment-id': '',
          'marketplace-name': clean(transaction.marketplaceDetails?.marketplaceName),
          'amount-type': 'ItemPrice',
          'amount-description': 'Principal',
          amount: principal.amount,
          'fulfillment-id': network === 'AFN' || network === 'MFN' ? network : isFbaSku(sku) ? 'AFN' : 'MFN',
          'posted-date': postedAt.slice(0, 10),
          'posted-date-time': postedAt,
          'order-item-code': '',
          'merchant-order-item-id': '',
          'merchant-adjustment-item-id': clean(
            (item.relatedIdentifiers ?? []).find(
              (identifier) => identifier?.itemRelatedIdentifierName === 'ORDER_ADJUSTMENT_ITEM_ID',
            )?.itemRelatedIdentifierValue,
          ),
          sku,
          'quantity-purchased': Number.isInteger(quantity) && (quantity as number) > 0 ? String(quantity) : '',
        };
        const rows = [
          base,
          ...feesOf(item).map((fee) => ({
            ...base,
            currency: fee.currency || base.currency,
            'amount-type': 'ItemFees',
            'amount-description': fee.name,
            amount: fee.amount,
            'quantity-purchased': '',
          })),
        ];
        for (const row of rows) lines.push(SETTLEMENT_COLUMNS.map((column) => row[column]).join('\t'));
        if (transactionType === 'Refund') refunds++;
      }
    });
  });
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1, refunds, skipped };
}
