// What Amazon's current policy pays (docs/rules.md section 9), beside what the seller's valuation says: the amount and,
// under it, the basis in words, so that a phone shows it as well as a desktop (no tooltip needed).
import type { PayoutBasis } from './gql/graphql.js';
import { type Key, money, t } from './i18n.js';
import { COSTS_HASH } from './navigation.js';

export type { PayoutBasis };

export interface Money {
  amount: string;
  currency: string;
}

export function basisName(basis: PayoutBasis): string {
  return t(`basis_${basis}` as Key);
}

export function Payout({ amount, basis }: { amount: Money | null; basis: PayoutBasis | null }) {
  return (
    <span class="payout">
      <span class="amount">{money(amount)}</span>
      {basis && <small class={basis === 'COST_UNKNOWN' ? 'basis unknown' : 'basis'}>{basisName(basis)}</small>}
    </span>
  );
}

/** The link that leads to the costs upload (the imports view, at its costs file: see navigation.ts). */
export function CostsUploadLink() {
  return (
    <a href={COSTS_HASH} class="costs-link">
      {t('costUnknownLink')}
    </a>
  );
}
