// The claim wizard: 1. the Excel evidence, 2. the description to paste, 3. Seller Central and the case ID, then Save
// opens the case in Reclaim. Other products of the same type can join the claim (an inbound shipment holds several).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, request } from './api.js';
import { type Key, money, t } from './i18n.js';
import { casesVersion, missingVersion, useQuery } from './live.js';
import type { MissingType } from './missing.js';

interface Draft {
  claimDraft: {
    units: number;
    reimbursable: { amount: string; currency: string } | null;
    documentUrl: string;
    description: string;
    sellerCentralUrl: string;
    guidance: string[];
    items: Array<{ units: number; product: { sku: string; title: string | null } }>;
  };
}

const DRAFT = `query Draft($type: MissingType!, $skus: [String!]!) {
  claimDraft(type: $type, skus: $skus) {
    units reimbursable { amount currency } documentUrl description sellerCentralUrl guidance
    items { units product { sku title } }
  }
}`;

const CANDIDATES = `query Candidates($type: MissingType) {
  missingProducts(type: $type, first: 100) { edges { node { sku claimableUnits } } }
}`;

const OPEN_CASE = `mutation OpenCase($input: OpenCaseInput!) {
  openCase(input: $input) {
    __typename
    ... on OpenCaseSuccess { case { id amazonCaseId } }
    ... on Error { code message }
  }
}`;

interface Opened {
  openCase: { __typename: string; case?: { id: string }; code?: string; message?: string };
}

export function ClaimWizard(props: { type: MissingType; sku: string; onClose(): void }) {
  const [skus, setSkus] = useState([props.sku]);
  const [adding, setAdding] = useState('');
  const [caseId, setCaseId] = useState('');
  const [caseError, setCaseError] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [saving, setSaving] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const draft = useQuery<Draft>(DRAFT, { type: props.type, skus }, [skus.join(',')]);
  const candidates = useQuery<{ missingProducts: { edges: Array<{ node: { sku: string; claimableUnits: number } }> } }>(
    CANDIDATES,
    { type: props.type },
    [props.type],
  );
  const others = (candidates.data?.missingProducts.edges ?? [])
    .map((edge) => edge.node)
    .filter((node) => node.claimableUnits > 0 && !skus.includes(node.sku));

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('h2')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') props.onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [props.onClose]);

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    setCaseError(undefined);
    try {
      const result = await request<Opened>(OPEN_CASE, {
        input: { type: props.type, skus, amazonCaseId: caseId.trim() },
      });
      if (result.openCase.__typename === 'OpenCaseSuccess') {
        missingVersion.value++;
        casesVersion.value++;
        props.onClose();
      } else setCaseError(result.openCase.message ?? result.openCase.code);
    } catch (failure) {
      setCaseError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  const claim = draft.data?.claimDraft;
  const typeName = t(props.type as Key);
  return (
    <div class="backdrop">
      <div class="dialog card" role="dialog" aria-modal="true" aria-labelledby="wizard-title" ref={dialog}>
        <div class="dialog-head">
          <h2 id="wizard-title" tabIndex={-1}>
            {t('wizardTitle', { type: typeName })}
          </h2>
          <button type="button" class="icon" aria-label={t('close')} onClick={props.onClose}>
            ×
          </button>
        </div>
        {draft.error && (
          <p class="error" role="alert">
            {draft.error}
          </p>
        )}
        <h3>{t('wizardProducts')}</h3>
        <ul class="claim-items">
          {claim?.items.map((item) => (
            <li key={item.product.sku} data-sku={item.product.sku}>
              <strong>{item.product.sku}</strong> {item.product.title} — {item.units} {t('units')}
            </li>
          ))}
        </ul>
        {claim && (
          <p class="claim-sum">
            {claim.units} {t('units')} · {money(claim.reimbursable)}
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
                  {node.sku} ({node.claimableUnits})
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
            <h3>
              <label for="description">{t('step2')}</label>
            </h3>
            <textarea id="description" readOnly rows={8} value={claim?.description ?? ''} />
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(claim?.description ?? '').catch(() => {});
                setCopied(true);
              }}
            >
              {copied ? t('copied') : t('copy')}
            </button>
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
      </div>
    </div>
  );
}
