// Cases: yellow while Amazon has not paid, green once it has, grey when closed unpaid; what each brought back, and
// the total at the top. Close (X) and delete (trash) ask first.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, refusalOf, request } from './api.js';
import type { CasesQuery } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { day, type Key, money, number, sumMoney, t } from './i18n.js';
import { casesVersion, missingVersion, useQuery } from './live.js';

type CaseRow = CasesQuery['cases']['edges'][number]['node'];

const CASES = graphql(`query Cases {
  cases(first: 100) { edges { node {
    id amazonCaseId caseLogUrl type status claimedUnits reimbursedUnits reimbursed { amount currency } openedAt
    documentUrl items { product { sku } }
  } } }
}`);

const CLOSE = graphql(`mutation Close($id: ID!) { closeCase(id: $id) { __typename ... on Error { code message } } }`);
const DELETE = graphql(
  `mutation Delete($id: ID!) { deleteCase(id: $id) { __typename ... on Error { code message } } }`,
);

// Drawn, not emoji: every system renders them the same, fonts or not.
function CloseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}

function TrashIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M2.5 4h11M6 4V2.5h4V4m-6 0 .7 9.5h6.6L12 4M6.8 6.5v5m2.4-5v5"
        stroke="currentColor"
        stroke-width="1.5"
        fill="none"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

type Pending = { action: 'close' | 'delete'; row: CaseRow };

export function CasesView() {
  const cases = useQuery(CASES, {}, [casesVersion.value]);
  const [pending, setPending] = useState<Pending>();
  const [error, setError] = useState<string>();
  const rows = cases.data?.cases.edges.map((edge) => edge.node) ?? [];
  const total = sumMoney(rows.flatMap((row) => row.reimbursed));

  async function confirm() {
    if (!pending) return;
    setError(undefined);
    try {
      const variables = { id: pending.row.id };
      const outcome =
        pending.action === 'close'
          ? (await request(CLOSE, variables)).closeCase
          : (await request(DELETE, variables)).deleteCase;
      const refused = refusalOf(outcome);
      if (refused) setError(refused);
      casesVersion.value++;
      missingVersion.value++;
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
    setPending(undefined);
  }

  return (
    <section aria-labelledby="cases-title">
      <div class="view-head">
        <h1 id="cases-title">{t('navCases')}</h1>
        <p class="cases-total" data-total="cases-reimbursed">
          {t('casesTotal')} <strong>{total.length ? total.map(money).join(' + ') : money(null)}</strong>
        </p>
      </div>
      {(error || cases.error) && (
        <p class="error" role="alert">
          {error ?? cases.error}
        </p>
      )}
      {cases.data && rows.length === 0 && <p class="empty">{t('noCases')}</p>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table class="cases stack">
            <thead>
              <tr>
                <th scope="col">{t('caseId')}</th>
                <th scope="col">{t('type')}</th>
                <th scope="col">{t('product')}</th>
                <th scope="col" class="number">
                  {t('claimed')}
                </th>
                <th scope="col" class="number">
                  {t('reimbursed')}
                </th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('opened')}</th>
                <th scope="col">{t('evidence')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.id}
                  class={`status-${row.status.toLowerCase()}`}
                  data-case={row.amazonCaseId}
                  data-status={row.status}
                >
                  <th scope="row">
                    <a href={row.caseLogUrl} target="_blank" rel="noreferrer noopener" class="sku" translate={false}>
                      {row.amazonCaseId}
                    </a>
                  </th>
                  <td data-label={t('type')}>{t(row.type as Key)}</td>
                  <td data-label={t('product')}>
                    <span class="sku-list-inline" translate={false}>
                      {row.items.map((item, index) => (
                        <Fragment key={item.product.sku}>
                          {index > 0 && ', '}
                          <span class="nowrap">{item.product.sku}</span>
                        </Fragment>
                      ))}
                    </span>
                  </td>
                  <td class="number" data-column="claimed" data-label={t('claimed')}>
                    {number(row.claimedUnits)}
                  </td>
                  <td class="number" data-column="reimbursed" data-label={t('reimbursed')}>
                    {number(row.reimbursedUnits)} ·{' '}
                    {row.reimbursed.length ? row.reimbursed.map(money).join(' + ') : '—'}
                  </td>
                  <td data-label={t('status')}>
                    <span class="status">{t(row.status)}</span>
                  </td>
                  <td data-column="opened" data-label={t('opened')}>
                    <time dateTime={row.openedAt}>{day(row.openedAt)}</time>
                  </td>
                  <td data-label={t('evidence')}>
                    <a href={row.documentUrl} download>
                      {t('downloadShort')}
                    </a>
                  </td>
                  <td class="row-actions">
                    {row.status === 'OPEN' && (
                      <button
                        type="button"
                        class="icon"
                        aria-label={t('closeCase', { id: row.amazonCaseId })}
                        title={t('closeCase', { id: row.amazonCaseId })}
                        onClick={() => setPending({ action: 'close', row })}
                      >
                        <CloseIcon />
                      </button>
                    )}
                    <button
                      type="button"
                      class="icon"
                      aria-label={t('deleteCase', { id: row.amazonCaseId })}
                      title={t('deleteCase', { id: row.amazonCaseId })}
                      onClick={() => setPending({ action: 'delete', row })}
                    >
                      <TrashIcon />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pending && (
        <div class="backdrop">
          <div class="dialog card confirm" role="alertdialog" aria-modal="true" aria-labelledby="confirm-text">
            <p id="confirm-text">
              {t(pending.action === 'close' ? 'confirmClose' : 'confirmDelete', { id: pending.row.amazonCaseId })}
            </p>
            <div class="actions">
              <button type="button" onClick={() => setPending(undefined)}>
                {t('cancel')}
              </button>
              <button type="button" class="danger" onClick={confirm} ref={(button) => button?.focus()}>
                {t(pending.action === 'close' ? 'yesClose' : 'yesDelete')}
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
