import type { ErrorCode } from '../domain/errors.js';
import type { ReadProblem } from '../domain/reports/format.js';
import { REPORT_KINDS } from '../domain/types.js';
import type { Import } from '../generated/prisma/client.js';
import { createImports } from '../ingest/run-import.js';
import { processImportJob } from '../jobs/process-import.js';
import { builder } from './builder.js';
import { type Context, viewerOf } from './context.js';
import { ErrorInterface, ErrorResult, resultUnion } from './errors.js';
import { checkPageArguments, MAX_PAGE } from './pagination.js';
import { strictId } from './scalars.js';

export const ReportKindEnum = builder.enumType('ReportKind', {
  values: REPORT_KINDS,
  description: 'The Amazon report a file is (docs/reports.md).',
});

const ImportErrorType = builder.objectRef<ReadProblem>('ImportError').implement({
  description: 'A problem of an imported file, where it is: the header is line 1.',
  fields: (t) => ({
    line: t.exposeInt('line'),
    column: t.string({ nullable: true, resolve: (problem) => problem.column ?? null }),
    message: t.exposeString('message'),
  }),
});

export const ImportType = builder.prismaObject('Import', {
  description: 'One file imported into the account, with what it added.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: ReportKindEnum }),
    fileName: t.exposeString('fileName'),
    status: t.exposeString('status', { description: 'QUEUED, RUNNING, SUCCEEDED or FAILED.' }),
    encoding: t.exposeString('encoding', { nullable: true, description: 'The text encoding the file was read in.' }),
    bytes: t.float({ resolve: (row) => Number(row.bytes), description: 'The size of the file as uploaded.' }),
    rows: t.exposeInt('rows', { description: 'Data rows read (the header is not counted).' }),
    inserted: t.exposeInt('inserted', { description: 'Rows that were new.' }),
    updated: t.exposeInt('updated', { description: 'Rows that changed what was stored (shipments, costs).' }),
    duplicates: t.exposeInt('duplicates', {
      description: 'Rows already imported before: counted, not inserted again.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    errorCount: t.exposeInt('errorCount', {
      description: 'How many problems the file had; `errors` lists the first 100.',
    }),
    errors: t.field({
      type: [ImportErrorType],
      resolve: (row) =>
        (row.errors as unknown as Array<{ line: number; column: string | null; message: string }>).map((problem) => ({
          line: problem.line,
          column: problem.column ?? undefined,
          message: problem.message,
        })),
    }),
  }),
});

builder.queryField('import', (t) =>
  t.prismaField({
    type: 'Import',
    nullable: true,
    description: "One of the account's imports (null for another account's: ids are not secrets).",
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => {
      const account = viewerOf(ctx);
      const importId = strictId(String(id));
      if (importId === undefined) return null;
      return ctx.db.prisma.import.findFirst({ ...query, where: { id: importId, accountId: account.id } });
    },
  }),
);

builder.queryField('imports', (t) =>
  t.prismaConnection(
    {
      type: 'Import',
      cursor: 'id',
      description: "The account's imports, newest first.",
      maxSize: MAX_PAGE,
      defaultSize: 20,
      resolve: (query, _root, args, ctx) => {
        checkPageArguments(args);
        return ctx.db.prisma.import.findMany({
          ...query,
          where: { accountId: viewerOf(ctx).id },
          orderBy: { id: 'desc' },
        });
      },
    },
    { name: 'ImportConnection' },
    { name: 'ImportEdge' },
  ),
);

/**
 * Resolves when the import is done (or failed), or after `timeoutMs`, whichever comes first. The event says so at
 * once; the database is asked every second as well, because over Redis a subscription starts listening only once
 * Redis confirms it, and a small import can finish before that.
 */
async function importSettled(ctx: Context, importId: number, timeoutMs: number): Promise<void> {
  const updates = ctx.events.subscribe('import:progress', importId);
  const iterator = updates[Symbol.asyncIterator]();
  let waiting = true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  const announced = (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.status === 'SUCCEEDED' || next.value.status === 'FAILED') return;
    }
  })();
  const recorded = (async () => {
    while (waiting) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // A failed look is not the import's failure: the answer's own read of the import reports the database.
      const found = await ctx.db.prisma.import
        .findUnique({ where: { id: importId }, select: { status: true } })
        .catch(() => undefined);
      if (!found || found.status === 'SUCCEEDED' || found.status === 'FAILED') return;
    }
  })();
  try {
    await Promise.race([announced, recorded, timeout]);
  } finally {
    waiting = false;
    clearTimeout(timer);
    await iterator.return?.();
  }
}

/** A refused file: every problem found, and the import that records it when the file was a report. */
export class ImportRefused extends ErrorResult {
  constructor(
    code: ErrorCode,
    message: string,
    readonly importId: number | undefined,
    readonly problems: ReadProblem[],
    /** Every import of the upload (the files of a ZIP archive), the refused one included. */
    readonly importIds: number[] = importId === undefined ? [] : [importId],
  ) {
    super(code, message);
  }
}

const ImportRefusedError = builder.objectRef<ImportRefused>('ImportRefusedError').implement({
  description: 'The file was refused and nothing of it was imported. `errors` says what and where.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    refusedImport: t.prismaField({
      type: 'Import',
      nullable: true,
      description:
        'The failed import, listed in `imports`; null when the file is not a report at all (nothing is recorded).',
      resolve: (query, error, _args, ctx) =>
        error.importId === undefined
          ? null
          : ctx.db.prisma.import.findUnique({ ...query, where: { id: error.importId } }),
    }),
    errors: t.field({ type: [ImportErrorType], resolve: (error) => error.problems }),
    imports: t.prismaField({
      type: ['Import'],
      description:
        'Every import of the upload, oldest first: one, or one per file of a ZIP archive (the others may have succeeded). Empty when nothing was recorded.',
      resolve: (query, error, _args, ctx) =>
        ctx.db.prisma.import.findMany({ ...query, where: { id: { in: error.importIds } }, orderBy: { id: 'asc' } }),
    }),
  }),
});

const ImportReportSuccess = builder.objectRef<{ import: Import; imports: Import[] }>('ImportReportSuccess').implement({
  fields: (t) => ({
    import: t.field({ type: ImportType, resolve: (success) => success.import }),
    imports: t.field({
      type: [ImportType],
      description: 'Every import of the upload, oldest first: one, or one per file of a ZIP archive.',
      resolve: (success) => success.imports,
    }),
  }),
});

const ImportReportResult = resultUnion('ImportReportResult', ImportReportSuccess, [
  { ref: ImportRefusedError as never, is: (value) => value instanceof ImportRefused },
]);

builder.mutationField('importReport', (t) =>
  t.field({
    type: ImportReportResult,
    description:
      'Imports an Amazon report (multipart upload): tab-, comma- or semicolon-separated text, SP-API JSON, an Excel workbook (.xlsx), gzip-compressed or not, or a ZIP archive of such files (one import each). The kind is recognised from the header when omitted. Codes: UNKNOWN_REPORT, INVALID_FILE.',
    args: {
      file: t.arg({ type: 'File', required: true }),
      kind: t.arg({ type: ReportKindEnum }),
      shipmentId: t.arg.string({
        description:
          'The inbound shipment an SP-API JSON file of items belongs to, when its items do not name their ShipmentId (a getShipmentItemsByShipmentId answer saved alone).',
      }),
      wait: t.arg.boolean({
        defaultValue: true,
        description:
          'Wait for the import to finish (up to RECLAIM_IMPORT_WAIT_SECONDS) before answering. false: answer once the file is stored, QUEUED, and follow it with importProgress (a dashboard shows the rows as they are read).',
      }),
    },
    resolve: async (_root, { file, kind, shipmentId, wait }, ctx) => {
      const account = viewerOf(ctx);
      const created = await createImports(
        ctx.db,
        {
          accountId: account.id,
          fileName: file.name || 'upload',
          kind: kind ?? undefined,
          shipmentId: shipmentId ?? undefined,
        },
        file.stream() as unknown as AsyncIterable<Uint8Array>,
        { maxBytes: ctx.config.maxUploadBytes, now: () => ctx.clock.now() },
      );
      if (!created.ok) return new ImportRefused(created.code, created.message, undefined, created.problems);
      const ids = created.imports.map((one) => one.importId);
      // Listen before queueing: a small import may be done before the queue call returns.
      const timeout = ctx.config.importWaitSeconds * 1000;
      const settled =
        wait === false ? Promise.resolve() : Promise.all(ids.map((id) => importSettled(ctx, id, timeout)));
      for (const importId of ids) await ctx.jobs.enqueue(processImportJob, { importId });
      await settled;
      const records = await ctx.db.prisma.import.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
      const refused = records.find((record) => record.status === 'FAILED');
      if (!refused) return { import: records[0]!, imports: records };
      const problems = refused.errors as unknown as ReadProblem[];
      const first = problems[0];
      const where = first ? `line ${first.line}${first.column ? `, column ${first.column}` : ''}: ` : '';
      const more =
        refused.errorCount > 1
          ? ` (and ${refused.errorCount - 1} more problem${refused.errorCount > 2 ? 's' : ''})`
          : '';
      const which = records.length > 1 ? `${refused.fileName}: ` : '';
      return new ImportRefused(
        'INVALID_FILE',
        `${which}${where}${first?.message ?? 'the file was refused'}${more}`,
        refused.id,
        problems,
        ids,
      );
    },
  }),
);
