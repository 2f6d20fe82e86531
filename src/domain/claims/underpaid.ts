// Asking Amazon to review a reimbursement it paid below its own policy (docs/rules.md section 9, "Underpaid
// reimbursements"): the text to paste into the case, in the account's language, and where to open it. The words are
// in the claim templates (templates/, `underpaid`); the layout is here.
import type { Day } from '../calendar.js';
import { formatAmount, type Money } from '../money.js';
import type { PayoutBasis } from '../payout.js';
import type { MissingType } from '../types.js';
import type { ClaimProduct } from './claim.js';
import { type DescriptionLanguage, templateOf } from './description.js';
import type { GuidanceLanguage } from './seller-central.js';

/** One underpaid line with what explains its expected payout. */
export interface UnderpaidReview {
  sellerName: string;
  reimbursementId: string;
  approvalDay: Day;
  type: MissingType;
  product: ClaimProduct;
  cashUnits: number;
  amountPerUnit: Money;
  expectedPerUnit: Money;
  basis: PayoutBasis;
  underpaidBy: Money;
  /** The order whose price the expectation came from (UNRETURNED). */
  orderId: string | null;
}

/** The words of one language for a review request. */
export interface UnderpaidTemplate {
  request: (reimbursementId: string, approvalDay: Day) => string;
  paid: (units: number, perUnit: string, total: string) => string;
  /** Why the policy pays `expected` per unit, by basis. */
  basis: Record<PayoutBasis, (expected: string, orderId: string | null) => string>;
  shortfall: (amount: string) => string;
  ask: string;
  attachment: string;
}

/** `"22.50 USD"`, rounded to the currency's decimals. */
export function moneyText(value: Money): string {
  return `${formatAmount(value)} ${value.currency}`;
}

export function describeUnderpaid(review: UnderpaidReview, language: DescriptionLanguage): string {
  const words = templateOf(language);
  const paid: Money = {
    amount: review.amountPerUnit.amount.times(review.cashUnits),
    currency: review.amountPerUnit.currency,
  };
  return [
    words.greeting,
    '',
    words.underpaid.request(review.reimbursementId, review.approvalDay),
    '',
    words.product(review.product, review.cashUnits),
    `- ${words.underpaid.paid(review.cashUnits, moneyText(review.amountPerUnit), moneyText(paid))}`,
    `- ${words.underpaid.basis[review.basis](moneyText(review.expectedPerUnit), review.orderId)}`,
    `- ${words.underpaid.shortfall(moneyText(review.underpaidBy))}`,
    '',
    words.underpaid.ask,
    '',
    words.underpaid.attachment,
    '',
    words.closing,
    review.sellerName,
  ].join('\n');
}

/** Which options to pick in Seller Central to have a reimbursement's amount reviewed. */
export function reviewGuidance(
  reimbursementId: string,
  basis: PayoutBasis,
  language: GuidanceLanguage = 'EN',
): string[] {
  if (language === 'FR') {
    const nbsp = '\u00a0';
    return [
      `Vérifiez la ligne dans Rapports > Expédié par Amazon > Remboursements${nbsp}: cherchez le remboursement ${reimbursementId}.`,
      `Choisissez «${nbsp}Vendre sur Amazon${nbsp}», puis «${nbsp}Expédié par Amazon${nbsp}», puis «${nbsp}Remboursement de stock Expédié par Amazon${nbsp}» et demandez le réexamen du montant du remboursement, en donnant son identifiant.`,
      ...(basis === 'MANUFACTURING_COST'
        ? [
            `Vérifiez d’abord que votre coût figure sur la page «${nbsp}Gérer votre coût de fabrication${nbsp}»${nbsp}: depuis le 10${nbsp}mars${nbsp}2025, Amazon paie à ce coût les unités perdues ou endommagées avant une commande client.`,
          ]
        : []),
      'Collez la description que Reclaim a rédigée pour cette ligne et joignez son fichier Excel.',
    ];
  }
  return [
    `Check the line in Reports > Fulfillment > Reimbursements: search for reimbursement ID ${reimbursementId}.`,
    'Choose "Selling on Amazon", then "Fulfillment by Amazon", then "FBA inventory reimbursement" and ask for a review of the reimbursement amount, giving the reimbursement ID.',
    ...(basis === 'MANUFACTURING_COST'
      ? [
          'Make sure your cost is on the "Manage Your Manufacturing Cost" page first: Amazon pays units lost or damaged before a customer order at that cost since 10 March 2025.',
        ]
      : []),
    'Paste the description Reclaim wrote for this line and attach its Excel file.',
  ];
}
