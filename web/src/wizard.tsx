// The claim wizard: 1. the Excel evidence, 2. the description to paste, 3. Seller Central and the case ID, then Save
// opens the case in Reclaim. Other products of the same type can join the claim (an inbound shipment holds several).
// Each product shows its evidence with Amazon's own reconciliation of it, and what Amazon's policy would pay.
import { useState } from 'preact/hooks';
import { ApiError, refusalOf, request } from './api.js';
import { CopyText, Dialog } from './dialog.js';
import type { DraftQuery, MissingType } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { day, type Key, language, money, t, tn } from './i18n.js';
import { casesVersion, missingVersion, useQuery } from './live.js';
import { CostsUploadLink, Payout } from './payout.js';

const DRAFT = graphql(`query Draft($type: MissingType!, $skus: [String!]!, $language: DescriptionLanguage) {
  claimDraft(type: $type, skus: $skus) {
    units reimbursable { amount currency } expectedPayout { amount currency } payoutBasis
    documentUrl description sellerCentralUrl guidance(language: $language)
    items { units expectedPayout { amount currency } payoutBasis product { sku title }
      evidence { date units source reference reconciledQuantity unreconciledQuantity amazonReconciled } }
  }
}`);

type EvidenceLine = DraftQuery['claimDraft']['items'][number]['evidence'][number];

/** One evidence line, with Amazon's Reconciled / Unreconciled Quantity beside Reclaim's units when the ledger has them. */
function Evidence({ line }: { line: EvidenceLine }) {
  const counted = line.reconciledQuantity !== null || line.unreconciledQuantity !== null;
  return (
    <li class={line.amazonReconciled ? 'settled' : undefined} data-reference={line.reference ?? undefined}>
      <time dateTime={line.date}>{day(line.date)}</time> · {tn('units', line.units)}
      {line.reference && (
        <>
          {' · '}
          <span class="reference" translate={false}>
            {line.reference}
          </span>
        </>
      )}
      {counted && (
        <span class="reconciliation">
          {' '}
          ·{' '}
          {t('amazonCounts', {
            reconciled: line.reconciledQuantity ?? 0,
            unreconciled: line.unreconciledQuantity ?? 0,
          })}
        </span>
      )}
      {line.amazonReconciled && <strong class="settled-note"> {t('amazonSettled')}</strong>}
    </li>
  );
}

const CANDIDATES = graphql(`query Candidates($type: MissingType) {
  missingProducts(type: $type, first: 100) { edges { node { sku claimableUnits } } }
}`);

const OPEN_CASE = graphql(`mutation OpenCase($input: OpenCaseInput!) {
  openCase(input: $input) {
    __typename
    ... on OpenCaseSuccess { case { id amazonCaseId } }
    ... on Error { code message }
  }
}`);

export function ClaimWizard(props: { type: MissingType; sku: string; onClose(): void }) {
  const [skus, setSkus] = useState([props.sku]);
  const [adding, setAdding] = useState('');
  const [caseId, setCaseId] = useState('');
  const [caseError, setCaseError] = useState<string>();
  const [saving, setSaving] = useState(false);
  // The steps in Seller Central follow the dashboard's language; the description stays in the account's.
  const guidanceLanguage = language.value === 'fr' ? 'FR' : 'EN';
  const draft = useQuery(DRAFT, { type: props.type, skus, language: guidanceLanguage }, [
    skus.join(','),
    guidanceLanguage,
  ]);
  const candidates = useQuery(CANDIDATES, { type: props.type }, [props.type]);
  const others = (candidates.data?.missingProducts.edges ?? [])
    .map((edge) => edge.node)
    .filter((node) => node.claimableUnits > 0 && !skus.includes(node.sku));

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    setCaseError(undefined);
    try {
      const result = await request(OPEN_CASE, {
        input: { type: props.type, skus, amazonCaseId: caseId.trim() },
      });
      if (result.openCase.__typename === 'OpenCaseSuccess') {
        missingVersion.value++;
        casesVersion.value++;
        props.onClose();
      } else setCaseError(refusalOf(result.openCase));
    } catch (failure) {
      setCaseError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  const claim = draft.data?.claimDraft;
  const typeName = t(props.type as Key);
  const withoutCost = (claim?.items ?? [])
    .filter((item) => item.units > 0 && item.payoutBasis === 'COST_UNKNOWN')
    .map((item) => item.product.sku);
  return (
    <Dialog titleId="wizard-title" title={t('wizardTitle', { type: typeName })} onClose={props.onClose}>
      {draft.error && (
        <p class="error" role="alert">
          {draft.error}
        </p>
      )}
      <h3>{t('wizardProducts')}</h3>
      <ul class="claim-items">
        {claim?.items.map((item) => (
          <li key={item.product.sku} data-sku={item.product.sku}>
            <strong class="sku-inline" translate={false}>
              {item.product.sku}
            </strong>{' '}
            {item.product.title && <span translate={false}>{item.product.title}</span>} — {tn('units', item.units)}
            {' · '}
            {t('expectedPayout')} <Payout amount={item.expectedPayout} basis={item.payoutBasis} />
            <ul class="evidence">
              {item.evidence.map((line) => (
                <Evidence key={`${line.date}-${line.reference}-${line.units}`} line={line} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {claim && (
        <p class="claim-sum">
          {tn('units', claim.units)} · {t('reimbursable')} {money(claim.reimbursable)} · {t('expectedPayout')}{' '}
          <Payout amount={claim.expectedPayout} basis={claim.payoutBasis} />
        </p>
      )}
      {withoutCost.length > 0 && (
        <p class="notice" data-testid="wizard-cost-unknown">
          {t('wizardCostUnknown', { skus: withoutCost.join(', ') })} <CostsUploadLink />
        </p>
      )}
      {others.length > 0 && (
        <form
          class="inline"
          onSubmit={(event) => {
            event.preventDefault();
            if (adding && !skus.includes(adding)) setSkus([...skus, adding]);
            setAdding('');
          }}
        >
          <label for="add-product">{t('addProduct')}</label>
          <select id="add-product" value={adding} onChange={(event) => setAdding(event.currentTarget.value)}>
            <option value="" />
            {others.map((node) => (
              <option key={node.sku} value={node.sku}>
                {node.sku} ({tn('units', node.claimableUnits)})
              </option>
            ))}
          </select>
          <button type="submit" disabled={!adding}>
            {t('add')}
          </button>
        </form>
      )}
      <ol class="steps">
        <li>
          <h3>{t('step1')}</h3>
          <p class="help">{t('step1Help')}</p>
          {claim && (
            <a class="button" href={claim.documentUrl} download data-step="download">
              {t('download')}
            </a>
          )}
        </li>
        <li>
          <CopyText id="description" label={t('step2')} text={claim?.description ?? ''} />
        </li>
        <li>
          <h3>{t('step3')}</h3>
          {claim && (
            <a class="button" href={claim.sellerCentralUrl} target="_blank" rel="noreferrer noopener">
              {t('openSellerCentral')}
            </a>
          )}
          <ul class="guidance">
            {claim?.guidance.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <form onSubmit={save} class="case-id">
            <label for="case-id">{t('caseIdLabel')}</label>
            <input
              id="case-id"
              inputMode="numeric"
              autocomplete="off"
              required
              value={caseId}
              aria-invalid={caseError ? 'true' : undefined}
              aria-describedby="case-id-help case-id-error"
              onInput={(event) => setCaseId(event.currentTarget.value)}
            />
            <p id="case-id-help" class="help">
              {t('caseIdHelp')}
            </p>
            {caseError && (
              <p id="case-id-error" class="error" role="alert">
                {caseError}
              </p>
            )}
            <div class="actions">
              <button type="button" onClick={props.onClose}>
                {t('cancel')}
              </button>
              <button type="submit" class="primary" disabled={saving || !claim}>
                {t('save')}
              </button>
            </div>
          </form>
        </li>
      </ol>
    </Dialog>
  );
}
