// GraphQL Code Generator: prints the schema Pothos builds to schema.graphql (committed, so clients and reviewers
// see the API and CI fails when it is stale) and types the GraphQL documents of the tests (test/gql).
import type { CodegenConfig } from '@graphql-codegen/cli';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './src/schema/index.js';

const config: CodegenConfig = {
  schema: printSchema(lexicographicSortSchema(schema)),
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: true } },
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', File: 'File' },
      },
    },
  },
};

export default config;
