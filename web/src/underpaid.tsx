// Reimbursements Amazon paid below its own policy (underpaidReimbursements, the most money first), each with the way
// to ask Amazon for a review: the Excel evidence, the text to paste, Seller Central and what to pick there.
import { useState } from 'preact/hooks';
import { CopyText, Dialog } from './dialog.js';
import type { UnderpaidQuery } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { day, type Key, language, money, number, t } from './i18n.js';
import { missingVersion, useQuery } from './live.js';
import { Pager } from './missing-row.js';
import { basisName, type Money } from './payout.js';

const UNDERPAID = graphql(`query Underpaid($first: Int, $after: String) {
  underpaidReimbursements(first: $first, after: $after) {
    totalCount
    edges { node { reimbursementId approvalDate type cashUnits basis product { sku title }
      amountPerUnit { amount currency } expectedPerUnit { amount currency } underpaidBy { amount currency } } cursor }
    pageInfo { hasNextPage endCursor }
  }
}`);

type Line = UnderpaidQuery['underpaidReimbursements']['edges'][number]['node'];

// The list is paged by position: the review asks for the page that holds the line again, with the links it needs.
const REVIEW = graphql(`query UnderpaidReview($first: Int, $after: String, $language: DescriptionLanguage) {
  underpaidReimbursements(first: $first, after: $after) {
    edges { node { reimbursementId documentUrl description sellerCentralUrl guidance(language: $language) } }
  }
}`);

const PAGE = 25;

const times = (units: number, perUnit: Money) => `${number(units)} × ${money(perUnit)}`;

/** The review of the line at `index` of the page after `after` (a reimbursement ID may name several lines). */
function ReviewDialog(props: { id: string; index: number; after: string | null; onClose(): void }) {
  const guidanceLanguage = language.value === 'fr' ? 'FR' : 'EN';
  const review = useQuery(REVIEW, { first: PAGE, after: props.after, language: guidanceLanguage }, [
    props.index,
    props.after,
    guidanceLanguage,
  ]);
  const found = review.data?.underpaidReimbursements.edges[props.index]?.node;
  // The list may have changed since it was shown (an import): then the line is looked for by its ID.
  const line =
    found?.reimbursementId === props.id
      ? found
      : review.data?.underpaidReimbursements.edges.find((edge) => edge.node.reimbursementId === props.id)?.node;
  return (
    <Dialog titleId="review-title" title={t('reviewTitle', { id: props.id })} onClose={props.onClose}>
      {review.error && (
        <p class="error" role="alert">
          {review.error}
        </p>
      )}
      <ol class="steps">
        <li>
          <h3>{t('step1')}</h3>
          <p class="help">{t('reviewStep1Help')}</p>
          {line && (
            <a class="button" href={line.documentUrl} download data-step="download">
              {t('download')}
            </a>
          )}
        </li>
        <li>
          <CopyText id="review-description" label={t('step2')} text={line?.description ?? ''} />
        </li>
        <li>
          <h3>{t('step3')}</h3>
          {line && (
            <a class="button" href={line.sellerCentralUrl} target="_blank" rel="noreferrer noopener">
              {t('openSellerCentral')}
            </a>
          )}
          <ul class="guidance">
            {line?.guidance.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" onClick={props.onClose}>
              {t('close')}
            </button>
          </div>
        </li>
      </ol>
    </Dialog>
  );
}

export function UnderpaidList() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [reviewing, setReviewing] = useState<{ id: string; index: number }>();
  const after = cursors[cursors.length - 1] ?? null;
  const page = useQuery(UNDERPAID, { first: PAGE, after }, [after, missingVersion.value]);
  const connection = page.data?.underpaidReimbursements;
  if (!connection || connection.totalCount === 0) return null;
  return (
    <section class="underpaid" aria-labelledby="underpaid-title">
      <h2 id="underpaid-title">
        {t('underpaidTitle')} ({number(connection.totalCount)})
      </h2>
      <p class="help">{t('underpaidIntro')}</p>
      <div class="table-wrap">
        <table class="underpaid-lines stack" aria-busy={page.loading}>
          <thead>
            <tr>
              <th scope="col">{t('reimbursementId')}</th>
              <th scope="col">{t('product')}</th>
              <th scope="col">{t('date')}</th>
              <th scope="col" class="number">
                {t('paid')}
              </th>
              <th scope="col" class="number">
                {t('expected')}
              </th>
              <th scope="col" class="number">
                {t('shortfall')}
              </th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {connection.edges.map(({ node, cursor }, index) => (
              <tr key={cursor} data-reimbursement={node.reimbursementId}>
                <th scope="row">
                  <span class="sku" translate={false}>
                    {node.reimbursementId}
                  </span>
                  <span class="title">{t(node.type as Key)}</span>
                </th>
                <td data-column="sku" data-label={t('product')}>
                  <span class="nowrap" translate={false}>
                    {node.product.sku}
                  </span>
                </td>
                <td data-column="date" data-label={t('date')}>
                  <time dateTime={node.approvalDate}>{day(node.approvalDate)}</time>
                </td>
                <td class="number" data-column="paid" data-label={t('paid')}>
                  {times(node.cashUnits, node.amountPerUnit)}
                </td>
                <td class="number" data-column="expected" data-label={t('expected')}>
                  <span class="payout">
                    <span class="amount">{times(node.cashUnits, node.expectedPerUnit)}</span>
                    <small class="basis">{basisName(node.basis)}</small>
                  </span>
                </td>
                <td class="number" data-column="shortfall" data-label={t('shortfall')}>
                  {money(node.underpaidBy)}
                </td>
                <td class="row-actions">
                  <button
                    type="button"
                    class="primary small"
                    aria-label={t('askReviewOf', { id: node.reimbursementId })}
                    onClick={() => setReviewing({ id: node.reimbursementId, index })}
                  >
                    {t('askReview')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(cursors.length > 1 || connection.pageInfo.hasNextPage) && (
        <Pager
          page={cursors.length}
          total={connection.totalCount}
          pageSize={PAGE}
          noun="lines"
          hasPrevious={cursors.length > 1}
          hasNext={connection.pageInfo.hasNextPage}
          onPrevious={() => setCursors(cursors.slice(0, -1))}
          onNext={() => setCursors([...cursors, connection.pageInfo.endCursor])}
        />
      )}
      {reviewing && (
        <ReviewDialog id={reviewing.id} index={reviewing.index} after={after} onClose={() => setReviewing(undefined)} />
      )}
    </section>
  );
}
