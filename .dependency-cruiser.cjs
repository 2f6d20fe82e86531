// The layers of docs/architecture.md, checked on every `npm test` (npm run check): a rule broken here is a design
// change to discuss, not a line to add to an exception list.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain holds the rules: it imports nothing of the application, so each rule runs without a database.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'store-is-persistence',
      comment:
        'src/store reads and writes rows; it never reaches up to the API, the server, jobs, documents or the CLI.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(schema|server|jobs|documents|cli|cases|ingest|amazon-sync|events\\.ts)' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders form layers: when two folders need each other, one of them holds the wrong thing.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'A module cycle makes load order matter (cycles through type-only imports vanish at run time).',
      severity: 'error',
      from: { path: '^(src|web)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'web-stands-apart',
      comment: 'The dashboard talks to the server over GraphQL only; of src/ it may use the generated types.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/generated/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|generated/prisma)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
