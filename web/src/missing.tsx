// Missing products: what Amazon owes, per product and type, the most urgent first; "Claim" starts the wizard.
import { useMemo, useState } from 'preact/hooks';
import type { MissingType } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { day, t, tn, toCents } from './i18n.js';
import { missingVersion, useQuery } from './live.js';
import { MissingHead, MissingRow, Pager, type ProductNumbers, type TypeNumbers } from './missing-row.js';
import { CostsUploadLink } from './payout.js';
import { RemovalReceipts } from './removals.js';
import { UnderpaidList } from './underpaid.js';
import { ClaimWizard } from './wizard.js';

export const TYPES: readonly MissingType[] = ['LOST', 'DAMAGED', 'INBOUND', 'UNRETURNED', 'REMOVAL'];
export type { MissingType };

const PAGE = 25;

type ByType = TypeNumbers;
type Row = ProductNumbers;

const MISSING = graphql(`query Missing($type: MissingType, $first: Int, $after: String) {
  missingProducts(type: $type, first: $first, after: $after) {
    totalCount
    edges { node { sku title missingUnits claimableUnits claimedUnits expiredUnits nextDeadline
      reimbursable { amount currency } claimableReimbursable { amount currency }
      unitValue { amount currency } lastSalePrice { amount currency } expectedPayout { amount currency } payoutBasis
      byType { type missingUnits claimableUnits claimedUnits expiredUnits nextDeadline payoutBasis } } }
    pageInfo { hasNextPage endCursor }
  }
}`);

/** Whole days from `today` to `day` (both YYYY-MM-DD, UTC). */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

function Deadline({ date, today }: { date: string | null; today: string }) {
  if (!date) return <span class="muted">—</span>;
  const days = daysBetween(today, date);
  const left = days === 0 ? t('today') : tn('daysLeft', days);
  return (
    <span class={days < 7 ? 'deadline urgent' : 'deadline'}>
      <time dateTime={date}>{day(date)}</time> <small>{left}</small>
    </span>
  );
}

type Sort = 'urgency' | 'sku' | 'value';

/** Whether some of a row's missing units cannot be priced by Amazon's policy for want of the product's cost. */
export function lacksCost(
  row: Pick<Row, 'missingUnits' | 'payoutBasis'> & { byType: Array<Pick<ByType, 'missingUnits' | 'payoutBasis'>> },
): boolean {
  return (
    row.missingUnits > 0 &&
    (row.payoutBasis === 'COST_UNKNOWN' ||
      row.byType.some((item) => item.missingUnits > 0 && item.payoutBasis === 'COST_UNKNOWN'))
  );
}

const WITHOUT_COST = graphql(`query WithoutCost {
  missingProducts(first: 100) {
    edges { node { sku missingUnits payoutBasis byType { type missingUnits payoutBasis } } }
    pageInfo { hasNextPage }
  }
}`);
const SHOWN_WITHOUT_COST = 12;

/**
 * COST_UNKNOWN is a call to action: the products whose units Amazon would pay at a cost Reclaim does not know, and
 * the way to the costs upload. The first hundred products with missing units are looked at (a seller with more
 * has the most urgent ones listed, and the count says "100+").
 */
function CostUnknownNotice() {
  const found = useQuery(WITHOUT_COST, {}, [missingVersion.value]);
  const skus = (found.data?.missingProducts.edges ?? []).map((edge) => edge.node).filter(lacksCost);
  if (skus.length === 0) return null;
  const count = found.data?.missingProducts.pageInfo.hasNextPage ? `${skus.length}+` : String(skus.length);
  return (
    <section class="notice" aria-labelledby="cost-unknown-title" data-testid="cost-unknown">
      <h2 id="cost-unknown-title">{t('costUnknownTitle')}</h2>
      <p>{skus.length === 1 ? t('costUnknownOne') : t('costUnknownMany', { count })}</p>
      <ul class="sku-list">
        {skus.slice(0, SHOWN_WITHOUT_COST).map((row) => (
          <li key={row.sku} data-sku={row.sku} class="nowrap" translate={false}>
            {row.sku}
          </li>
        ))}
        {skus.length > SHOWN_WITHOUT_COST && (
          <li>{t('costUnknownMore', { count: skus.length - SHOWN_WITHOUT_COST })}</li>
        )}
      </ul>
      <CostsUploadLink />
    </section>
  );
}

/** `today`: the server's day, which deadlines count from; the list is asked for at once, and shown once it is known. */
export function MissingView({ today }: { today: string | undefined }) {
  const [type, setType] = useState<MissingType | ''>('');
  const [sort, setSort] = useState<Sort>('urgency');
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [claim, setClaim] = useState<{ type: MissingType; sku: string }>();
  const after = cursors[cursors.length - 1] ?? null;
  const page = useQuery(MISSING, { type: type || null, first: PAGE, after }, [type, after, missingVersion.value]);

  const rows = useMemo(() => {
    const list = page.data?.missingProducts.edges.map((edge) => edge.node) ?? [];
    if (sort === 'sku') return [...list].sort((a, b) => a.sku.localeCompare(b.sku));
    if (sort === 'value') {
      const cents = (row: Row) => (row.reimbursable ? toCents(row.reimbursable.amount) : -1n);
      return [...list].sort((a, b) => (cents(b) > cents(a) ? 1 : cents(b) < cents(a) ? -1 : 0));
    }
    return list;
  }, [page.data, sort]);

  return (
    <section aria-labelledby="missing-title">
      <div class="view-head">
        <h1 id="missing-title">{t('navMissing')}</h1>
        <div class="filters">
          <label>
            {t('filterType')}{' '}
            <select
              value={type}
              onChange={(event) => {
                setType(event.currentTarget.value as MissingType | '');
                setCursors([null]);
              }}
            >
              <option value="">{t('allTypes')}</option>
              {TYPES.map((item) => (
                <option key={item} value={item}>
                  {t(item)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sortBy')}{' '}
            <select value={sort} onChange={(event) => setSort(event.currentTarget.value as Sort)}>
              <option value="urgency">{t('sortUrgency')}</option>
              <option value="sku">{t('sortSku')}</option>
              <option value="value">{t('sortValue')}</option>
            </select>
          </label>
        </div>
      </div>
      <CostUnknownNotice />
      <RemovalReceipts />
      {page.error && (
        <p class="error" role="alert">
          {page.error}
        </p>
      )}
      {page.data && rows.length === 0 && <p class="empty">{t('noMissing')}</p>}
      {today && rows.length > 0 && (
        <div class="table-wrap">
          <table class="missing stack" aria-busy={page.loading}>
            <MissingHead />
            <tbody>
              {rows.map((row) => (
                <MissingRow
                  key={row.sku}
                  row={row}
                  deadline={<Deadline date={row.nextDeadline} today={today} />}
                  onClaim={(type) => setClaim({ type, sku: row.sku })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={cursors.length}
        total={page.data?.missingProducts.totalCount}
        pageSize={PAGE}
        hasPrevious={cursors.length > 1}
        hasNext={Boolean(page.data?.missingProducts.pageInfo.hasNextPage)}
        onPrevious={() => setCursors(cursors.slice(0, -1))}
        onNext={() => setCursors([...cursors, page.data?.missingProducts.pageInfo.endCursor ?? null])}
      />
      <UnderpaidList />
      {claim && <ClaimWizard type={claim.type} sku={claim.sku} onClose={() => setClaim(undefined)} />}
    </section>
  );
}
