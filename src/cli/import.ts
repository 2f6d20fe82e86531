// `reclaim import FILE...`: each file into the account, one JSON line per file (per file of a ZIP archive), a
// progress bar on a terminal. Beside a running server, through its API: the file uploaded, its rows followed with
// importProgress; otherwise on the database itself, read in this process.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { InvalidArgumentError } from 'commander';
import { problemSummary, type ReadProblem } from '../domain/reports/format.js';
import type { ReportKind } from '../domain/types.js';
import { withRuntime } from './direct.js';
import { printLine, tokenOf } from './options.js';
import { type Remote, request, subscriptions, upload } from './remote.js';
import { targetOf } from './target.js';

interface ImportOptions {
  account?: string;
  kind?: ReportKind;
  shipmentId?: string;
  url?: string;
}

/** What is printed for one imported file. */
export type Outcome =
  | {
      ok: true;
      entry?: string;
      importId: string;
      kind: string;
      rows: number;
      inserted: number;
      updated: number;
      duplicates: number;
    }
  | { ok: false; entry?: string; importId: string | null; code: string; message: string; errors: ReadProblem[] };

function print(file: string, outcome: Outcome) {
  const entry = outcome.entry ? { entry: outcome.entry } : {};
  printLine(
    outcome.ok
      ? {
          file,
          ...entry,
          importId: outcome.importId,
          status: 'SUCCEEDED',
          kind: outcome.kind,
          rows: outcome.rows,
          inserted: outcome.inserted,
          updated: outcome.updated,
          duplicates: outcome.duplicates,
        }
      : {
          file,
          ...entry,
          importId: outcome.importId,
          status: 'FAILED',
          code: outcome.code,
          message: outcome.message,
          errors: outcome.errors,
        },
  );
}

/** A file of a ZIP archive is named by its path inside. */
function entryOf(file: string, fileName: string): string | undefined {
  return fileName === path.basename(file) ? undefined : fileName.slice(path.basename(file).length + 1);
}

function progressBars() {
  return process.stderr.isTTY
    ? new cliProgress.MultiBar(
        {
          format: ' {bar} {percentage}% | {file} | {phase} {value}/{total}',
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
}

export async function importFiles(files: string[], options: ImportOptions) {
  const token = tokenOf(options);
  const target = await targetOf(options);
  const failures =
    target.kind === 'server'
      ? await importThroughServer(files, options, { url: target.url, token, why: target.why })
      : await importIntoDatabase(files, options, token);
  if (failures > 0) process.exitCode = 1;
}

const ImportReport = `mutation CliImport($file: File!, $kind: ReportKind, $shipmentId: String) {
  importReport(file: $file, kind: $kind, shipmentId: $shipmentId, wait: false) {
    __typename
    ... on ImportReportSuccess { imports { id fileName } }
    ... on ImportRefusedError { imports { id fileName } errors { line column message } }
    ... on Error { code message }
  }
}`;

type ImportReportAnswer = {
  importReport: {
    __typename: string;
    imports?: Array<{ id: string; fileName: string }>;
    errors?: Array<{ line: number; column: string | null; message: string }>;
    code?: string;
    message?: string;
  };
};

const ImportProgress = `subscription CliImportProgress($id: ID!) { importProgress(id: $id) { status rowsRead } }`;

const ImportRecord = `query CliImportRecord($id: ID!) {
  import(id: $id) { id kind fileName status rows inserted updated duplicates errorCount errors { line column message } }
}`;

type ImportRecordAnswer = {
  import: {
    id: string;
    kind: string;
    fileName: string;
    status: string;
    rows: number;
    inserted: number;
    updated: number;
    duplicates: number;
    errorCount: number;
    errors: Array<{ line: number; column: string | null; message: string }>;
  } | null;
};

function problemsOf(errors: Array<{ line: number; column: string | null; message: string }>): ReadProblem[] {
  return errors.map(({ line, column, message }) => (column ? { line, column, message } : { line, message }));
}

/** Each file uploaded to the server and followed to its end; `report` is told each file's outcome (printed by default). */
export async function importThroughServer(
  files: string[],
  options: ImportOptions,
  remote: Remote,
  report: (file: string, outcome: Outcome) => void = print,
): Promise<number> {
  const bars = progressBars();
  const live = subscriptions(remote);
  let failures = 0;
  try {
    for (const file of files) {
      const size = (await stat(file)).size;
      const bar = bars?.create(size, 0, { file: path.basename(file), phase: 'bytes' });
      const { importReport: answer } = await upload<ImportReportAnswer>(
        remote,
        ImportReport,
        { kind: options.kind ?? null, shipmentId: options.shipmentId ?? null },
        { path: file, name: path.basename(file) },
        (sent) => bar?.update(sent),
      );
      const outcomes: Outcome[] = [];
      if (answer.__typename !== 'ImportReportSuccess' && !answer.imports?.length) {
        // Refused before anything was recorded: not a report, too large, or the account may not import now.
        outcomes.push({
          ok: false,
          importId: null,
          code: answer.code ?? 'INVALID_FILE',
          message: answer.message ?? 'the file was refused',
          errors: problemsOf(answer.errors ?? []),
        });
      }
      for (const { id, fileName } of answer.imports ?? []) {
        bar?.setTotal(1);
        bar?.update(0, { phase: 'rows' });
        // The import runs on the server: its rows as they are read, until it SUCCEEDED or FAILED (then it ends).
        await live.follow<{ importProgress: { status: string; rowsRead: number } }>(
          ImportProgress,
          { id },
          ({ importProgress }) => {
            bar?.setTotal(Math.max(importProgress.rowsRead, bar.getTotal()));
            bar?.update(importProgress.rowsRead);
            return importProgress.status === 'SUCCEEDED' || importProgress.status === 'FAILED';
          },
        );
        const { import: record } = await request<ImportRecordAnswer>(remote, ImportRecord, { id });
        if (!record) throw new InvalidArgumentError(`the server lost import ${id}`);
        const entry = entryOf(file, fileName);
        if (record.status === 'SUCCEEDED') {
          bar?.update(record.rows);
          outcomes.push({
            ok: true,
            entry,
            importId: record.id,
            kind: record.kind,
            rows: record.rows,
            inserted: record.inserted,
            updated: record.updated,
            duplicates: record.duplicates,
          });
        } else {
          const errors = problemsOf(record.errors);
          outcomes.push({
            ok: false,
            entry,
            importId: record.id,
            code: 'INVALID_FILE',
            message: problemSummary(errors, record.errorCount),
            errors,
          });
        }
      }
      bar?.stop();
      for (const outcome of outcomes) {
        if (!outcome.ok) failures++;
        report(file, outcome);
      }
    }
  } finally {
    bars?.stop();
    await live.close();
  }
  return failures;
}

async function importIntoDatabase(files: string[], options: ImportOptions, token: string): Promise<number> {
  const [{ readFileToStore }, { createImports, processImport }, { announceImported }, accounts] = await Promise.all([
    import('../ingest/file-chunks.js'),
    import('../ingest/run-import.js'),
    import('../jobs/process-import.js'),
    import('../store/accounts.js'),
  ]);
  return withRuntime('reclaim import', async (runtime) => {
    const { db, config, clock, log } = runtime;
    const account = await accounts.accountForToken(db, token);
    if (!account) throw new InvalidArgumentError('the account token is unknown or was revoked');
    const bars = progressBars();
    let failures = 0;
    for (const file of files) {
      const size = (await stat(file)).size;
      const bar = bars?.create(size, 0, { file: path.basename(file), phase: 'bytes' });
      let stored = 0;
      async function* read() {
        for await (const chunk of readFileToStore(file)) {
          stored += (chunk as Buffer).byteLength;
          bar?.update(stored);
          yield chunk as Buffer;
        }
      }
      const created = await createImports(
        db,
        { accountId: account.id, fileName: path.basename(file), kind: options.kind, shipmentId: options.shipmentId },
        read(),
        { maxBytes: config.maxUploadBytes, now: () => clock.now() },
      );
      const outcomes: Outcome[] = [];
      if (!created.ok) {
        outcomes.push({
          ok: false,
          importId: created.importId === undefined ? null : String(created.importId),
          code: created.code,
          message: created.message,
          errors: created.problems,
        });
      }
      for (const { importId, fileName } of created.ok ? created.imports : []) {
        // Rows are counted as they are read; the total is the file's size over the size of its first rows.
        bar?.setTotal(1);
        bar?.update(0, { phase: 'rows' });
        const result = await processImport(db, importId, {
          now: () => clock.now(),
          log,
          onProgress: (rows) => {
            bar?.setTotal(Math.max(rows, bar.getTotal()));
            bar?.update(rows);
          },
        });
        // The numbers were recomputed in the import's commit: the events tell dashboards (through Redis, with
        // REDIS_URL) what changed, as a queued import's job does.
        if (result.ok) {
          bar?.update(result.rows);
          await announceImported(
            runtime,
            { id: importId, accountId: account.id, rows: result.rows, inserted: result.counts.inserted },
            result,
          );
        }
        const entry = entryOf(file, fileName);
        outcomes.push(
          result.ok
            ? {
                ok: true,
                entry,
                importId: String(result.importId),
                kind: result.kind,
                rows: result.rows,
                inserted: result.counts.inserted,
                updated: result.counts.updated,
                duplicates: result.counts.duplicates,
              }
            : {
                ok: false,
                entry,
                importId: result.importId === undefined ? null : String(result.importId),
                code: result.code,
                message: result.message,
                errors: result.problems,
              },
        );
      }
      bar?.stop();
      for (const outcome of outcomes) {
        if (!outcome.ok) failures++;
        print(file, outcome);
      }
    }
    bars?.stop();
    return failures;
  });
}
