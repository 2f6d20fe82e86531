// A claim (docs/rules.md section 5, Opening): the products a seller names and every CLAIMABLE unit of a type of each,
// with its evidence and value. The claim wizard, its Excel link and openCase all make it here.
import type { Database } from '../db/database.js';
import { claimSkus, noSkuRefusal, unknownSkusRefusal } from '../domain/case-rules.js';
import type { Claim, ClaimItem } from '../domain/claims/claim.js';
import type { Refusal } from '../domain/errors.js';
import { combinePayouts, partOf } from '../domain/payout.js';
import type { MissingType } from '../domain/types.js';
import type { Account, Product } from '../generated/prisma/client.js';
import { accountCostBasisDay } from '../store/accounts.js';
import { productsWithSkus } from '../store/cases.js';
import { refreshStaleProducts } from '../store/missing-pool.js';
import { evidenceOf, payoutBeforeOrderOf, unitValueOf } from '../store/missing-view.js';
import { shipmentEvidenceOf } from '../store/shipment-evidence.js';

/** The account's products of a claim's SKUs (claimSkus), in the order asked for, and the SKUs it has no product of. */
export async function productsOfSkus(
  db: Database,
  accountId: number,
  skus: readonly string[],
): Promise<{ products: Product[]; unknown: string[] }> {
  const found = await productsWithSkus(db, accountId, skus);
  const bySku = new Map(found.map((product) => [product.sku, product]));
  return {
    // In the order asked for: the wizard starts from one product's row and adds the others.
    products: skus.flatMap((sku) => bySku.get(sku) ?? []),
    unknown: skus.filter((sku) => !bySku.has(sku)),
  };
}

/** The products of a draft claim: INVALID_INPUT without SKU, NOT_FOUND naming the SKUs the account has no product of. */
export async function claimProducts(
  db: Database,
  accountId: number,
  skus: readonly string[],
): Promise<{ ok: true; products: Product[] } | Refusal> {
  const unique = claimSkus(skus);
  if (unique.length === 0) return noSkuRefusal();
  const { products, unknown } = await productsOfSkus(db, accountId, unique);
  return unknown.length > 0 ? unknownSkusRefusal(unknown) : { ok: true, products };
}

/**
 * The claim of a type for some products at asOf: every CLAIMABLE unit of each, oldest first, with its evidence and
 * its value. The products' missing pools are brought up to date first.
 */
export async function claimOf(
  db: Database,
  account: Account,
  type: MissingType,
  products: readonly Product[],
  asOfDay: string,
): Promise<Claim> {
  await refreshStaleProducts(db, account.id, { awaiting: products.map((product) => product.id) });
  const options = {
    accountId: account.id,
    asOfDay,
    valuation: account.valuation,
    costBasisDay: accountCostBasisDay(account),
    type,
  };
  const evidence = await evidenceOf(
    db,
    options,
    products.map((product) => product.id),
  );
  const shipments =
    type === 'INBOUND'
      ? await shipmentEvidenceOf(
          db,
          account.id,
          products.map((product) => product.id),
        )
      : undefined;
  const items = products.map((product): ClaimItem => {
    const claimable = (evidence.get(product.id) ?? []).filter((line) => line.state === 'CLAIMABLE');
    const units = claimable.reduce((sum, line) => sum + line.units, 0);
    const value = unitValueOf(product, account.valuation);
    const beforeOrder = payoutBeforeOrderOf(product, options);
    const payouts = claimable.map((line) => line.payout ?? beforeOrder);
    return {
      product: {
        sku: product.sku,
        fnsku: product.fnsku ?? undefined,
        asin: product.asin ?? undefined,
        title: product.title ?? undefined,
      },
      units,
      reimbursable: value ? { amount: value.amount.times(units), currency: value.currency } : null,
      ...combinePayouts(claimable.map((line, index) => partOf(payouts[index]!, line.units))),
      evidence: claimable.map((line, index) => ({
        eventKey: line.eventKey,
        type: line.type,
        date: line.date,
        units: line.units,
        state: line.state,
        deadline: line.deadline,
        source: line.source,
        reference: line.reference ?? undefined,
        reasonCode: line.reasonCode ?? undefined,
        fulfillmentCenter: line.fulfillmentCenter ?? undefined,
        disposition: line.disposition ?? undefined,
        payout: payouts[index],
        reconciledQuantity: line.reconciledQuantity ?? undefined,
        unreconciledQuantity: line.unreconciledQuantity ?? undefined,
        amazonReconciled: line.amazonReconciled,
        shipment: line.reference ? shipments?.get(`${product.id}:${line.reference}`) : undefined,
        trackingNumber: line.trackingNumber ?? undefined,
        carrier: line.carrier ?? undefined,
        removal: line.removal ?? undefined,
      })),
    };
  });
  return { type, sellerName: account.name, items };
}
