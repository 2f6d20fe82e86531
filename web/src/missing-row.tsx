// One product of the missing-products list: its numbers side by side (a table row on a desktop, a card on a phone),
// the reimbursable value split into what can be claimed now and later, and per type what can be done about it: a
// claim button when units of that type are claimable, otherwise why not (waiting, claimed, expired).
import type { MissingQuery, MissingType } from './gql/graphql.js';
import { type Key, money, number, sumMoney, t, tn } from './i18n.js';
import { type Money, Payout } from './payout.js';

/** A product's numbers as the missing-products page reads them (web/src/missing.tsx's query). */
export type ProductNumbers = MissingQuery['missingProducts']['edges'][number]['node'];
export type TypeNumbers = ProductNumbers['byType'][number];

const same = (a: Money | null, b: Money | null) =>
  a !== null && b !== null && a.currency === b.currency && Number(a.amount) === Number(b.amount);

/** What the reimbursable value counts, said on hover: the unit value and its basis, the units now and later. */
function reimbursableTitle(row: ProductNumbers, later: Money | null): string | undefined {
  if (!row.unitValue) return undefined;
  const waiting = row.missingUnits - row.claimableUnits;
  return t('reimbursableHow', {
    value: money(row.unitValue),
    basis: t(same(row.unitValue, row.lastSalePrice) ? 'valueBasis_SALE_PRICE' : 'valueBasis_COST'),
    now: t('reimbursableUnits', { units: tn('units', row.claimableUnits), amount: money(row.claimableReimbursable) }),
    later: t('reimbursableUnits', { units: tn('units', waiting), amount: money(later) }),
  });
}

/** The reimbursable value, and when some units must still wait, its parts claimable now and later. */
function Reimbursable({ row }: { row: ProductNumbers }) {
  const now = row.claimableReimbursable;
  const later =
    row.reimbursable && now ? (sumMoney([row.reimbursable, { ...now, amount: `-${now.amount}` }])[0] ?? null) : null;
  const waiting = row.missingUnits - row.claimableUnits;
  return (
    <span class="reimbursable" title={reimbursableTitle(row, later)}>
      <span class="amount">{money(row.reimbursable)}</span>
      {row.reimbursable && waiting > 0 && (
        <small class="split">
          <span data-part="now">
            {money(now)} {t('now')}
          </span>{' '}
          <span data-part="later">
            + {money(later)} {t('later')}
          </span>
        </small>
      )}
    </span>
  );
}

/** Per type: its badge, what its units are doing, and the claim button when some are claimable. */
function TypeLine({ item, onClaim }: { item: TypeNumbers; onClaim: () => void }) {
  const waiting = item.missingUnits - item.claimableUnits;
  const states = [
    item.claimableUnits > 0 && tn('typeClaimable', item.claimableUnits),
    waiting > 0 && tn('typeWaiting', waiting),
    item.claimedUnits > 0 && tn('typeClaimed', item.claimedUnits),
    item.expiredUnits > 0 && tn('typeExpired', item.expiredUnits),
  ].filter((text): text is string => Boolean(text));
  return (
    <li class="type-line" data-type={item.type}>
      <span class={`badge ${item.type.toLowerCase()}`}>{t(item.type as Key)}</span>{' '}
      <small class="type-state">
        {states.map((text, index) => (
          <span key={text}>
            {index > 0 && ' · '}
            <span class="nowrap">{text}</span>
          </span>
        ))}
      </small>
      {item.claimableUnits > 0 && (
        <button type="button" class="primary small" onClick={onClaim}>
          {t('claimType', { type: t(item.type as Key) })}
        </button>
      )}
    </li>
  );
}

export function MissingHead() {
  return (
    <thead>
      <tr>
        <th scope="col">{t('product')}</th>
        <th scope="col" class="number">
          {t('missingClaimed')}
        </th>
        <th scope="col" class="number">
          {t('claimableNow')}
        </th>
        <th scope="col" class="number">
          {t('expired')}
        </th>
        <th scope="col" class="number">
          {t('reimbursable')}
        </th>
        <th scope="col" class="number" title={t('expectedPayoutHelp')}>
          {t('expectedPayout')}
        </th>
        <th scope="col">{t('nextDeadline')}</th>
        <th scope="col">{t('claimColumn')}</th>
      </tr>
    </thead>
  );
}

export function MissingRow(props: {
  row: ProductNumbers;
  deadline: preact.ComponentChildren;
  onClaim: (type: MissingType) => void;
}) {
  const { row } = props;
  return (
    <tr data-sku={row.sku}>
      <th scope="row" class="product">
        <span class="sku" translate={false}>
          {row.sku}
        </span>
        {row.title && (
          <span class="title" translate={false}>
            {row.title}
          </span>
        )}
      </th>
      <td class="number" data-column="missing-claimed" data-label={t('missingClaimed')}>
        {number(row.missingUnits)} | {number(row.claimedUnits)}
      </td>
      <td class="number" data-column="claimable" data-label={t('claimableNow')}>
        {number(row.claimableUnits)}
      </td>
      <td class={row.expiredUnits > 0 ? 'number expired' : 'number'} data-column="expired" data-label={t('expired')}>
        {number(row.expiredUnits)}
      </td>
      <td class="number" data-column="reimbursable" data-label={t('reimbursable')}>
        <Reimbursable row={row} />
      </td>
      <td class="number" data-column="expected-payout" data-label={t('expectedPayout')}>
        <Payout amount={row.expectedPayout} basis={row.payoutBasis} />
      </td>
      <td data-column="deadline" data-label={t('nextDeadline')}>
        {props.deadline}
      </td>
      <td class="claims" data-column="claim" data-label={t('claimColumn')}>
        <ul class="type-lines">
          {row.byType
            .filter((item) => item.missingUnits + item.claimedUnits + item.expiredUnits > 0)
            .map((item) => (
              <TypeLine key={item.type} item={item} onClaim={() => props.onClaim(item.type)} />
            ))}
        </ul>
      </td>
    </tr>
  );
}

/** Page N of M and how many products the list holds, beside the buttons that turn its pages. */
export function Pager(props: {
  page: number;
  total: number | undefined;
  pageSize: number;
  /** What the list counts: products by default. */
  noun?: 'products' | 'lines';
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const pages = props.total === undefined ? undefined : Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <div class="pager">
      {props.total !== undefined && pages !== undefined && (
        <p class="page-count" data-testid={`page-count-${props.noun ?? 'products'}`} aria-live="polite">
          {t('pageOf', { page: number(props.page), pages: number(pages) })} ·{' '}
          {tn(props.noun ?? 'products', props.total)}
        </p>
      )}
      <button type="button" disabled={!props.hasPrevious} onClick={props.onPrevious}>
        {t('previous')}
      </button>
      <button type="button" disabled={!props.hasNext} onClick={props.onNext}>
        {t('next')}
      </button>
    </div>
  );
}
