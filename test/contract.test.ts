// Clients and the acceptance tests rely on spec/contract.graphql (docs/api.md): the generated schema must contain all of it.
// (That schema.graphql is what the code builds is checked by `npm run schema:check`, which `npm test` runs.)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

describe('the public GraphQL contract', () => {
  it('schema.graphql contains every type, field, argument and enum value of contract.graphql', async () => {
    const contract = buildSchema(await readFile(path.join(root, 'spec/contract.graphql'), 'utf8'));
    const generated = buildSchema(await readFile(path.join(root, 'schema.graphql'), 'utf8'));
    const breaking = findBreakingChanges(contract, generated).map((change) => `${change.type}: ${change.description}`);
    expect(breaking).toEqual([]);
  });
});
