// The reimbursement lines Amazon paid below its own policy (docs/rules.md section 9, "Underpaid reimbursements"): the
// store reads the lines that paid cash and what prices them (the product's cost and sale price, the orders' rows);
// src/domain/payout.ts decides. Computed when asked, so that a new cost, settlement or line counts at once.
import type { Database } from '../db/database.js';
import { dayOf } from '../domain/calendar.js';
import type { UnderpaidReview } from '../domain/claims/underpaid.js';
import { type Money, moneyFrom, regionCurrency } from '../domain/money.js';
import {
  type OrderLine,
  orderLineOf,
  type PayoutBasis,
  paidByOrder,
  type UnitPayout,
  underpayment,
  unitPayoutBeforeOrder,
  unitPayoutByOrder,
} from '../domain/payout.js';
import { typeOfReason } from '../domain/reimbursement-types.js';
import type { MissingType, Region } from '../domain/types.js';

export interface UnderpaidLine {
  /** The line's identity (row key and occurrence). */
  key: string;
  reimbursementId: string;
  approvalDate: Date;
  productId: number;
  sku: string;
  type: MissingType;
  cashUnits: number;
  amountPerUnit: Money;
  expectedPerUnit: Money;
  basis: PayoutBasis;
  underpaidBy: Money;
  /** The order the expectation came from (UNRETURNED): the line's, else the SKU's latest. */
  orderId: string | null;
}

interface LineRow {
  key: string;
  reimbursement_id: string;
  approval_date: Date;
  reason: string;
  amazon_order_id: string | null;
  quantity_cash: number;
  amount_per_unit: string;
  currency: string;
  product_id: number;
  sku: string;
  purchase_cost: string | null;
  purchase_currency: string | null;
  last_sale_price: string | null;
  last_sale_currency: string | null;
}

interface OrderRow {
  product_id: number;
  order_id: string;
  transaction_type: string;
  amount_type: string | null;
  amount_description: string | null;
  amount: string | null;
  currency: string | null;
  quantity_purchased: number | null;
}

/** The orders that price UNRETURNED lines: each order's line (Order rows) and its refunds' principal and units. */
async function ordersOf(
  db: Database,
  accountId: number,
  region: Region,
  wanted: ReadonlyArray<{ productId: number; orderId: string | null }>,
) {
  const currency = regionCurrency(region);
  const withoutOrder = [...new Set(wanted.filter((line) => !line.orderId).map((line) => line.productId))];
  const latest = new Map<number, string>();
  if (withoutOrder.length > 0) {
    const rows = await db.sql.query<{ product_id: number; order_id: string }>(
      `SELECT DISTINCT ON (product_id) product_id, order_id FROM settlement_row
       WHERE account_id = $1 AND product_id = ANY($2::int[]) AND transaction_type = 'Order' AND order_id IS NOT NULL
         AND amount_type = 'ItemPrice' AND amount_description = 'Principal' AND posted_date IS NOT NULL
       ORDER BY product_id, posted_date DESC, import_id DESC, line DESC`,
      [accountId, withoutOrder],
    );
    for (const row of rows) latest.set(row.product_id, row.order_id);
  }
  const pairs = wanted.flatMap((line) => {
    const orderId = line.orderId ?? latest.get(line.productId);
    return orderId ? [{ product_id: line.productId, order_id: orderId }] : [];
  });
  const rows =
    pairs.length === 0
      ? []
      : await db.sql.query<OrderRow>(
          // The Order rows and the refunds' principal each by its own partial index: as one join with `Order OR
          // Refund…`, neither index served and PostgreSQL read all 3.2M settlement rows of a large seller (2.2 s). In
          // file order, as the recomputation reads them: the first principal's currency is the order line's.
          `WITH wanted AS (SELECT DISTINCT * FROM unnest($2::int[], $3::text[]) AS w(product_id, order_id)),
           found AS (
             SELECT s.* FROM wanted w
             JOIN settlement_row s ON s.account_id = $1 AND s.product_id = w.product_id AND s.order_id = w.order_id
                                  AND s.transaction_type = 'Order'
             UNION ALL
             SELECT s.* FROM wanted w
             JOIN settlement_row s ON s.account_id = $1 AND s.product_id = w.product_id AND s.order_id = w.order_id
                                  AND s.transaction_type = 'Refund' AND s.amount_type = 'ItemPrice'
                                  AND s.amount_description = 'Principal'
           )
           SELECT product_id, order_id, transaction_type, amount_type, amount_description, amount::text AS amount,
                  currency, quantity_purchased
           FROM found ORDER BY import_id, line`,
          [accountId, pairs.map((pair) => pair.product_id), pairs.map((pair) => pair.order_id)],
        );
  const grouped = new Map<string, OrderRow[]>();
  for (const row of rows) {
    const key = `${row.product_id}|${row.order_id}`;
    grouped.set(key, [...(grouped.get(key) ?? []), row]);
  }
  const amountOf = (row: OrderRow) => moneyFrom(row.amount, row.currency ?? currency);
  return (productId: number, orderId: string | null): { orderId: string; payout: UnitPayout } | undefined => {
    const order = orderId ?? latest.get(productId);
    if (!order) return undefined;
    const orderRows = grouped.get(`${productId}|${order}`) ?? [];
    const line: OrderLine | undefined = orderLineOf(
      orderRows
        .filter((row) => row.transaction_type === 'Order')
        .map((row) => ({
          amountType: row.amount_type,
          amountDescription: row.amount_description,
          amount: amountOf(row),
          quantityPurchased: row.quantity_purchased,
        })),
    );
    const refunds = orderRows.filter((row) => row.transaction_type === 'Refund');
    // The refund's units as section 1 counts them: its quantity-purchased, else one per row.
    const refund = orderLineOf(
      refunds.map((row) => ({
        amountType: row.amount_type,
        amountDescription: row.amount_description,
        amount: amountOf(row),
        quantityPurchased: row.quantity_purchased,
      })),
    );
    if (!line && !refund) return undefined;
    return {
      orderId: order,
      payout: unitPayoutByOrder(line, refund && { principal: refund.principal, units: refund.quantity }),
    };
  };
}

/** Every underpaid line of the account, the most money first (then the latest approval, then the id). */
export async function underpaidLines(
  db: Database,
  account: { id: number; region: Region },
  costBasisDay: string,
): Promise<UnderpaidLine[]> {
  const lines = await db.sql.query<LineRow>(
    `SELECT r.row_key::text || ':' || r.occurrence AS key, r.reimbursement_id, r.approval_date, r.reason,
            r.amazon_order_id, r.quantity_cash, r.amount_per_unit::text AS amount_per_unit, r.currency, r.product_id,
            p.sku, p.purchase_cost::text AS purchase_cost, p.purchase_currency,
            p.last_sale_price::text AS last_sale_price, p.last_sale_currency
     FROM reimbursement r JOIN product p ON p.id = r.product_id
     WHERE r.account_id = $1 AND r.quantity_cash > 0 AND r.amount_per_unit IS NOT NULL`,
    [account.id],
  );
  const orders = await ordersOf(
    db,
    account.id,
    account.region,
    lines.flatMap((line) =>
      typeOfReason(line.reason) === 'UNRETURNED' ? [{ productId: line.product_id, orderId: line.amazon_order_id }] : [],
    ),
  );
  const found: UnderpaidLine[] = [];
  for (const line of lines) {
    let orderId: string | null = null;
    const amountPerUnit: Money = moneyFrom(line.amount_per_unit, line.currency)!;
    const underpaid = underpayment({ reason: line.reason, cashUnits: line.quantity_cash, amountPerUnit }, (type) => {
      if (!paidByOrder(type)) {
        return unitPayoutBeforeOrder(
          {
            purchaseCost: moneyFrom(line.purchase_cost, line.purchase_currency),
            lastSalePrice: moneyFrom(line.last_sale_price, line.last_sale_currency),
          },
          dayOf(line.approval_date),
          costBasisDay,
        );
      }
      const order = orders(line.product_id, line.amazon_order_id);
      orderId = order?.orderId ?? null;
      return order?.payout;
    });
    if (!underpaid) continue;
    found.push({
      key: line.key,
      reimbursementId: line.reimbursement_id,
      approvalDate: line.approval_date,
      productId: line.product_id,
      sku: line.sku,
      type: underpaid.type,
      cashUnits: line.quantity_cash,
      amountPerUnit,
      expectedPerUnit: underpaid.expected.perUnit,
      basis: underpaid.expected.basis,
      underpaidBy: underpaid.underpaidBy,
      orderId,
    });
  }
  return found.sort(
    (a, b) =>
      b.underpaidBy.amount.comparedTo(a.underpaidBy.amount) ||
      b.approvalDate.getTime() - a.approvalDate.getTime() ||
      a.reimbursementId.localeCompare(b.reimbursementId) ||
      a.key.localeCompare(b.key),
  );
}

/** One row an expected payout comes from: the cost on file, the last sale price, or a settlement row of the order. */
export interface BasisRow {
  source: 'PRODUCT_COSTS' | 'LAST_SALE' | 'SETTLEMENT';
  reference: string;
  date: Date | null;
  transactionType: string | null;
  amountType: string | null;
  amountDescription: string | null;
  amount: Money | null;
  quantity: number | null;
}

/** What explains a line's expected payout (docs/rules.md section 9: "the cost or order rows it came from"). */
export async function basisRowsOf(
  db: Database,
  account: { id: number; region: Region },
  line: Pick<UnderpaidLine, 'productId' | 'sku' | 'basis' | 'orderId'>,
): Promise<BasisRow[]> {
  const row = (values: Partial<BasisRow> & Pick<BasisRow, 'source' | 'reference'>): BasisRow => ({
    date: null,
    transactionType: null,
    amountType: null,
    amountDescription: null,
    amount: null,
    quantity: null,
    ...values,
  });
  if (line.basis === 'MANUFACTURING_COST' || line.basis === 'SALE_PRICE') {
    const product = await db.prisma.product.findFirst({ where: { id: line.productId, accountId: account.id } });
    if (!product) return [];
    return line.basis === 'MANUFACTURING_COST'
      ? [
          row({
            source: 'PRODUCT_COSTS',
            reference: line.sku,
            amount: moneyFrom(product.purchaseCost, product.purchaseCurrency),
          }),
        ]
      : [
          row({
            source: 'LAST_SALE',
            reference: line.sku,
            date: product.lastSaleAt,
            amount: moneyFrom(product.lastSalePrice, product.lastSaleCurrency),
          }),
        ];
  }
  if (!line.orderId) return [];
  const rows = await db.prisma.settlementRow.findMany({
    where: {
      accountId: account.id,
      productId: line.productId,
      orderId: line.orderId,
      OR: [
        { transactionType: 'Order' },
        { transactionType: 'Refund', amountType: 'ItemPrice', amountDescription: 'Principal' },
      ],
    },
    orderBy: [{ postedDate: 'asc' }, { importId: 'asc' }, { line: 'asc' }],
  });
  return rows.map((settlement) =>
    row({
      source: 'SETTLEMENT',
      reference: settlement.orderId ?? '',
      date: settlement.postedDate,
      transactionType: settlement.transactionType,
      amountType: settlement.amountType,
      amountDescription: settlement.amountDescription,
      amount: moneyFrom(settlement.amount, settlement.currency ?? regionCurrency(account.region)),
      quantity: settlement.quantityPurchased,
    }),
  );
}

/** A line as the review request names it: the product as claims name it, the seller who asks. */
export function reviewOf(
  line: UnderpaidLine,
  product: { sku: string; fnsku: string | null; asin: string | null; title: string | null },
  sellerName: string,
): UnderpaidReview {
  return {
    sellerName,
    reimbursementId: line.reimbursementId,
    approvalDay: dayOf(line.approvalDate),
    type: line.type,
    product: {
      sku: product.sku,
      fnsku: product.fnsku ?? undefined,
      asin: product.asin ?? undefined,
      title: product.title ?? undefined,
    },
    cashUnits: line.cashUnits,
    amountPerUnit: line.amountPerUnit,
    expectedPerUnit: line.expectedPerUnit,
    basis: line.basis,
    underpaidBy: line.underpaidBy,
    orderId: line.orderId,
  };
}

/** The document path of a line's Excel evidence (served by src/server/documents.ts). */
export function underpaidDocumentPath(line: Pick<UnderpaidLine, 'key'>): string {
  return `/documents/underpaid/${encodeURIComponent(line.key)}`;
}
