// GraphQL Code Generator: prints the schema Pothos builds to schema.graphql (committed, so clients and reviewers
// see the API and CI fails when it is stale) and types the GraphQL documents of the tests (test/gql) and of the
// dashboard (web/src/gql), so a query that no longer fits the schema fails `npm run check`.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './src/schema/index.js';

const typedDocuments = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    documentMode: 'string',
    emitLegacyCommonJSImports: false,
    useTypeImports: true,
    enumsAsTypes: true,
    scalars: { DateTime: 'string', Date: 'string', File: 'File' },
  },
} as const;

const config: CodegenConfig = {
  schema: printSchema(lexicographicSortSchema(schema)),
  ignoreNoDocuments: true,
  generates: {
    'schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: true } },
    'test/gql/': { ...typedDocuments, documents: ['test/**/*.ts', '!test/gql/**'] },
    'web/src/gql/': { ...typedDocuments, documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'] },
  },
};

export default config;
