// Imports: drop the Amazon files (or choose them); each is sent, then followed live (importProgress) until it is
// imported or refused, with every problem by line. Below, the account's imports.
import { useEffect, useRef, useState } from 'preact/hooks';
import { AmazonPanel } from './amazon.js';
import { ApiError, refusalOf, request, subscribe, upload } from './api.js';
import type { ImportsQuery, ReportKind } from './gql/graphql.js';
import { graphql } from './gql/index.js';
import { type Key, number, t } from './i18n.js';
import { importsVersion, missingVersion, useQuery } from './live.js';
import { costsRequested } from './navigation.js';

type ImportRow = ImportsQuery['imports']['edges'][number]['node'];
type Problem = ImportRow['errors'][number];

const IMPORTS = graphql(`query Imports { imports(first: 50) { edges { node {
  id fileName kind status rows inserted duplicates errorCount errors { line column message } createdAt
} } } }`);

const PROGRESS = graphql(`subscription Progress($id: ID!) { importProgress(id: $id) { status rowsRead } }`);

// wait: false — the answer comes as soon as the file is stored; importProgress then tells every step. The kind is
// named for the costs file chosen in its own panel (its header is then checked against that report only).
const IMPORT_REPORT = graphql(`mutation Import($file: File!, $kind: ReportKind) {
  importReport(file: $file, kind: $kind, wait: false) {
    __typename
    ... on ImportReportSuccess { import { id status rows } }
    ... on ImportRefusedError { message errors { line column message } }
    ... on Error { code message }
  }
}`);

interface Sending {
  key: string;
  name: string;
  state: string;
  problems: Problem[];
  failed: boolean;
}

function Problems({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul class="problems">
      {problems.map((problem) => (
        <li key={`${problem.line}-${problem.column}-${problem.message}`}>
          {t('line', { line: problem.line })}
          {problem.column ? ` (${problem.column})` : ''}
          {t('colon')}
          {problem.message}
        </li>
      ))}
    </ul>
  );
}

/** The last request to show the costs upload that the imports view answered. */
let costsShown = 0;

/**
 * The costs file (docs/reports.md section 6): what it holds and why Amazon's policy needs it, and a file input that
 * imports it as that kind. The "upload your costs file" links bring it into view, first, with the focus on it.
 */
function CostsPanel({ onFiles }: { onFiles(files: FileList | null): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const requested = costsRequested.value;
  const [highlighted, setHighlighted] = useState(false);
  useEffect(() => {
    // Each request once: opening the imports view later by its tab leaves the focus where the seller put it.
    if (requested === costsShown) return;
    costsShown = requested;
    setHighlighted(true);
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [requested]);
  return (
    <section
      id="costs-upload"
      class={highlighted ? 'card costs requested' : 'card costs'}
      aria-labelledby="costs-title"
      data-testid="costs-upload"
    >
      <h2 id="costs-title" tabIndex={-1} ref={heading}>
        {t('costsTitle')}
      </h2>
      <p class="help">{t('costsHelp')}</p>
      <label class="button">
        {t('costsChoose')}
        <input
          type="file"
          class="visually-hidden"
          onChange={(event) => {
            onFiles(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </label>
    </section>
  );
}

export function ImportsView() {
  const imports = useQuery(IMPORTS, {}, [importsVersion.value]);
  const [sending, setSending] = useState<Sending[]>([]);
  const [over, setOver] = useState(false);

  const update = (key: string, change: Partial<Sending>) =>
    setSending((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  async function send(file: File, kind?: ReportKind) {
    const key = `${file.name}-${Date.now()}-${Math.random()}`;
    setSending((list) => [
      ...list,
      { key, name: file.name, state: t('uploading', { percent: 0 }), problems: [], failed: false },
    ]);
    try {
      const answer = await upload(
        IMPORT_REPORT,
        file,
        (sent, total) =>
          update(key, { state: t('uploading', { percent: total ? Math.round((100 * sent) / total) : 0 }) }),
        { kind: kind ?? null },
      );
      const result = answer.importReport;
      if (result.__typename === 'ImportReportSuccess') {
        const { id } = result.import;
        update(key, { state: t('processing', { rows: 0 }) });
        const stop = subscribe(PROGRESS, { id }, ({ importProgress }) => {
          const { status, rowsRead } = importProgress;
          if (status !== 'SUCCEEDED' && status !== 'FAILED') {
            update(key, { state: t('processing', { rows: rowsRead }) });
            return;
          }
          stop();
          importsVersion.value++;
          missingVersion.value++;
          if (status === 'SUCCEEDED') update(key, { state: t('SUCCEEDED') });
          else void showRefusal(key, id);
        });
      } else {
        const problems = result.__typename === 'ImportRefusedError' ? result.errors : [];
        update(key, { state: refusalOf(result) ?? t('FAILED'), problems, failed: true });
      }
    } catch (failure) {
      update(key, { state: failure instanceof ApiError ? failure.message : String(failure), failed: true });
    }
    importsVersion.value++;
    missingVersion.value++;
  }

  /** A file refused while it was read: its problems, by line, from the import's record. */
  async function showRefusal(key: string, id: string) {
    const found = await request(IMPORTS, {}).catch(() => undefined);
    const refused = found?.imports.edges.find((edge) => edge.node.id === id)?.node;
    update(key, { state: t('FAILED'), problems: refused?.errors ?? [], failed: true });
  }

  async function sendAll(files: FileList | null, kind?: ReportKind) {
    // One after the other: the server imports each file as one transaction, in the order given.
    for (const file of Array.from(files ?? [])) await send(file, kind);
  }

  const rows = imports.data?.imports.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="imports-title">
      <div class="view-head">
        <h1 id="imports-title">{t('navImports')}</h1>
      </div>
      <CostsPanel onFiles={(files) => void sendAll(files, 'PRODUCT_COSTS')} />
      <AmazonPanel />
      <section
        class={over ? 'dropzone over' : 'dropzone'}
        aria-label={t('dropTitle')}
        data-testid="dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          void sendAll(event.dataTransfer?.files ?? null);
        }}
      >
        <p class="drop-title">{t('dropTitle')}</p>
        <p class="help">{t('dropHelp')}</p>
        <label class="button">
          {t('chooseFiles')}
          <input
            type="file"
            multiple
            class="visually-hidden"
            onChange={(event) => {
              void sendAll(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </section>
      {sending.length > 0 && (
        <ul class="sending" aria-live="polite">
          {sending.map((item) => (
            <li key={item.key} class={item.failed ? 'failed' : ''} data-file={item.name}>
              <strong translate={false}>{item.name}</strong> <span class="state">{item.state}</span>
              <Problems problems={item.problems} />
            </li>
          ))}
        </ul>
      )}
      <h2>{t('importsTitle')}</h2>
      {imports.data && rows.length === 0 && <p class="empty">{t('noImports')}</p>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table class="imports stack">
            <thead>
              <tr>
                <th scope="col">{t('file')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" class="number">
                  {t('rows')}
                </th>
                <th scope="col" class="number">
                  {t('inserted')}
                </th>
                <th scope="col" class="number">
                  {t('duplicates')}
                </th>
                <th scope="col">{t('problems')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-import={row.fileName} data-status={row.status}>
                  <th scope="row" translate={false}>
                    {row.fileName}
                  </th>
                  <td data-label={t('kind')}>{row.kind ? t(row.kind as Key) : '—'}</td>
                  <td data-label={t('status')}>{t(row.status as Key)}</td>
                  <td class="number" data-label={t('rows')}>
                    {number(row.rows)}
                  </td>
                  <td class="number" data-label={t('inserted')}>
                    {number(row.inserted)}
                  </td>
                  <td class="number" data-label={t('duplicates')}>
                    {number(row.duplicates)}
                  </td>
                  <td data-label={t('problems')}>
                    {row.errorCount > 0 ? number(row.errorCount) : ''}
                    <Problems problems={row.errors} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
