import type { ReadProblem } from '../domain/reports/format.js';
import { REPORT_KINDS } from '../domain/types.js';
import type { Import } from '../generated/prisma/client.js';
import { importFile } from '../ingest/run-import.js';
import { builder } from './builder.js';
import { viewerOf } from './context.js';
import { ErrorInterface, ErrorResult, resultUnion } from './errors.js';

export const ReportKindEnum = builder.enumType('ReportKind', {
  values: REPORT_KINDS,
  description: 'The Amazon report a file is (REPORTS.md).',
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

builder.queryField('imports', (t) =>
  t.prismaConnection(
    {
      type: 'Import',
      cursor: 'id',
      description: "The account's imports, newest first.",
      maxSize: 100,
      defaultSize: 20,
      resolve: (query, _root, _args, ctx) =>
        ctx.db.prisma.import.findMany({ ...query, where: { accountId: viewerOf(ctx).id }, orderBy: { id: 'desc' } }),
    },
    { name: 'ImportConnection' },
    { name: 'ImportEdge' },
  ),
);

/** A refused file: every problem found, and the import that records it when the file was a report. */
export class ImportRefused extends ErrorResult {
  constructor(
    code: string,
    message: string,
    readonly importId: number | undefined,
    readonly problems: ReadProblem[],
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
  }),
});

const ImportReportSuccess = builder.objectRef<{ import: Import }>('ImportReportSuccess').implement({
  fields: (t) => ({ import: t.field({ type: ImportType, resolve: (success) => success.import }) }),
});

const ImportReportResult = resultUnion('ImportReportResult', ImportReportSuccess, [
  { ref: ImportRefusedError as never, is: (value) => value instanceof ImportRefused },
]);

builder.mutationField('importReport', (t) =>
  t.field({
    type: ImportReportResult,
    description:
      'Imports an Amazon report (multipart upload). The kind is recognised from the header when omitted. Codes: UNKNOWN_REPORT, INVALID_FILE.',
    args: {
      file: t.arg({ type: 'File', required: true }),
      kind: t.arg({ type: ReportKindEnum }),
    },
    resolve: async (_root, { file, kind }, ctx) => {
      const account = viewerOf(ctx);
      const outcome = await importFile(
        ctx.db,
        { accountId: account.id, fileName: file.name || 'upload', kind: kind ?? undefined },
        file.stream() as unknown as AsyncIterable<Uint8Array>,
        { maxBytes: ctx.config.maxUploadBytes, now: () => ctx.clock.now(), log: ctx.log },
      );
      if (!outcome.ok) return new ImportRefused(outcome.code, outcome.message, outcome.importId, outcome.problems);
      return { import: await ctx.db.prisma.import.findUniqueOrThrow({ where: { id: outcome.importId } }) };
    },
  }),
);
