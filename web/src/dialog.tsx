// The modal dialog of the claim wizard and of the review of an underpaid reimbursement: its title takes the focus
// when it opens, Escape and × close it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n.js';

export function Dialog(props: { titleId: string; title: string; onClose(): void; children: ComponentChildren }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('h2')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') props.onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [props.onClose]);
  return (
    <div class="backdrop">
      <div class="dialog card" role="dialog" aria-modal="true" aria-labelledby={props.titleId} ref={dialog}>
        <div class="dialog-head">
          <h2 id={props.titleId} tabIndex={-1}>
            {props.title}
          </h2>
          <button type="button" class="icon" aria-label={t('close')} onClick={props.onClose}>
            ×
          </button>
        </div>
        {props.children}
      </div>
    </div>
  );
}

/** Step 2 of both dialogs: the text to paste into the Seller Central case, and a button that copies it. */
export function CopyText(props: { id: string; label: string; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <h3>
        <label for={props.id}>{props.label}</label>
      </h3>
      <textarea id={props.id} readOnly rows={8} value={props.text} />
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard?.writeText(props.text).catch(() => {});
          setCopied(true);
        }}
      >
        {copied ? t('copied') : t('copy')}
      </button>
    </>
  );
}
