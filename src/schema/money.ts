import { DomainError } from '../domain/errors.js';
import { Decimal, fitsAmountColumn, formatAmount, MAX_AMOUNT, type Money } from '../domain/money.js';

export { moneyFrom as moneyOf } from '../domain/money.js';

import { builder } from './builder.js';

export const MoneyType = builder.objectRef<Money>('Money').implement({
  description: 'An amount of money. `amount` is a decimal string such as "12.50", never a float.',
  fields: (t) => ({
    amount: t.string({ resolve: (money) => formatAmount(money) }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code, such as USD or EUR.' }),
  }),
});

export const MoneyInput = builder.inputType('MoneyInput', {
  fields: (t) => ({
    amount: t.string({ required: true, description: 'A decimal string such as "12.50".' }),
    currency: t.string({ required: true, description: 'ISO 4217 code, such as USD.' }),
  }),
});

/** Reads a MoneyInput, refusing what is not a non-negative decimal amount in a three-letter currency. */
export function moneyFromInput(input: { amount: string; currency: string }, field = 'amount'): Money {
  const currency = input.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    throw new DomainError('INVALID_INPUT', `${JSON.stringify(input.currency)} is not an ISO 4217 currency code`);
  if (!/^\d+(\.\d+)?$/.test(input.amount.trim())) {
    throw new DomainError(
      'INVALID_INPUT',
      `${field} must be a decimal string such as "12.50", not ${JSON.stringify(input.amount)}`,
    );
  }
  const amount = new Decimal(input.amount.trim());
  if (!fitsAmountColumn(amount)) {
    throw new DomainError('INVALID_INPUT', `${field} is too large: an amount goes up to ${MAX_AMOUNT.toFixed()}`);
  }
  return { amount, currency };
}
