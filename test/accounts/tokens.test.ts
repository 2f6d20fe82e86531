// A seller's tokens over the public API (docs/api.md, tokens): listed on the account, added, revoked; the admin adds a
// token to an account it names. A revoked token opens nothing; an account never touches another's tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { ADMIN_TOKEN, gql, startServer, type TestServer } from '../support/server.js';

const Tokens = graphql(`
  query Tokens {
    viewer { id name tokens { id label createdAt lastUsedAt revokedAt } }
  }
`);

const CreateToken = graphql(`
  mutation CreateToken($label: String, $account: String) {
    createToken(label: $label, account: $account) {
      __typename
      ... on CreateTokenSuccess { token apiToken { id label revokedAt } }
      ... on Error { code message }
    }
  }
`);

const RevokeToken = graphql(`
  mutation RevokeToken($id: ID!) {
    revokeToken(id: $id) {
      __typename
      ... on RevokeTokenSuccess { apiToken { id label revokedAt } }
      ... on Error { code message }
    }
  }
`);

describe('tokens', () => {
  let server: TestServer;
  let first: string;
  let other: string;

  beforeAll(async () => {
    server = await startServer();
    first = await server.account('Token Shop');
    other = await server.account('Other Shop');
  });
  afterAll(() => server.close());

  it('an account lists its tokens, adds one (shown once) and the new one opens the same account', async () => {
    const before = await gql(server, Tokens, {}, first);
    expect(before.data?.viewer.tokens).toHaveLength(1);
    const created = await gql(server, CreateToken, { label: '  laptop  ' }, first);
    const success = created.data?.createToken;
    expect(success?.__typename).toBe('CreateTokenSuccess');
    if (success?.__typename !== 'CreateTokenSuccess') throw new Error('not created');
    expect(success.token).toMatch(/^rcl_/);
    expect(success.apiToken).toEqual({ id: expect.any(String), label: 'laptop', revokedAt: null });

    const seen = await gql(server, Tokens, {}, success.token);
    expect(seen.data?.viewer.id).toBe(before.data?.viewer.id);
    // Newest first; the token itself is never listed, only what describes it.
    expect(seen.data?.viewer.tokens.map((token) => token.label)).toEqual(['laptop', null]);
    expect(JSON.stringify(seen.data)).not.toContain(success.token);
  });

  it('an account revokes its own token: the token is refused from then on, revoking again keeps the first instant', async () => {
    const created = await gql(server, CreateToken, { label: 'script' }, first);
    if (created.data?.createToken.__typename !== 'CreateTokenSuccess') throw new Error('not created');
    const { token, apiToken } = created.data.createToken;
    expect((await gql(server, Tokens, {}, token)).status).toBe(200);

    const revoked = await gql(server, RevokeToken, { id: apiToken.id }, first);
    expect(revoked.data?.revokeToken).toEqual({
      __typename: 'RevokeTokenSuccess',
      apiToken: { id: apiToken.id, label: 'script', revokedAt: expect.any(String) },
    });
    const refused = await gql(server, Tokens, {}, token);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const again = await gql(server, RevokeToken, { id: apiToken.id }, first);
    if (again.data?.revokeToken.__typename !== 'RevokeTokenSuccess') throw new Error('not revoked');
    if (revoked.data?.revokeToken.__typename !== 'RevokeTokenSuccess') throw new Error('not revoked');
    expect(again.data.revokeToken.apiToken.revokedAt).toBe(revoked.data.revokeToken.apiToken.revokedAt);
    const listed = (await gql(server, Tokens, {}, first)).data?.viewer.tokens.find((one) => one.id === apiToken.id);
    expect(listed?.revokedAt).toBe(revoked.data.revokeToken.apiToken.revokedAt);
  });

  it("an account cannot revoke another account's token: NOT_FOUND, and the token still works", async () => {
    const theirs = (await gql(server, Tokens, {}, other)).data!.viewer.tokens[0]!;
    const refused = await gql(server, RevokeToken, { id: theirs.id }, first);
    expect(refused.data?.revokeToken).toMatchObject({ __typename: 'DomainError', code: 'NOT_FOUND' });
    const unknown = await gql(server, RevokeToken, { id: '999999' }, first);
    // The same answer as for a token that does not exist: nothing tells what exists elsewhere.
    expect(unknown.data?.revokeToken).toMatchObject({ __typename: 'DomainError', code: 'NOT_FOUND' });
    expect((refused.data!.revokeToken as { message: string }).message.replace(theirs.id, 'N')).toBe(
      (unknown.data!.revokeToken as { message: string }).message.replace('999999', 'N'),
    );
    expect((await gql(server, Tokens, {}, other)).data?.viewer.tokens[0]?.revokedAt).toBeNull();
  });

  it('bad ids and labels are INVALID_INPUT naming the argument', async () => {
    for (const id of ['0x1', '1e0', ' 1', '+1', '-3', 'abc']) {
      const refused = await gql(server, RevokeToken, { id }, first);
      expect(refused.data?.revokeToken, id).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/^id: /),
      });
    }
    const tooLong = await gql(server, CreateToken, { label: 'x'.repeat(101) }, first);
    expect(tooLong.data?.createToken).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^label: /),
    });
    // Control characters are refused before the operation runs, for every argument of every operation.
    const withNul = await gql(server, CreateToken, { label: 'a\u0000b' }, first);
    expect(withNul.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    expect(withNul.errors?.[0]?.message).toMatch(/label/);
  });

  it('without a token, nothing: UNAUTHENTICATED', async () => {
    const refused = await gql(server, CreateToken, { label: 'x' }, undefined);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('the admin token creates a token for an account named by id or name; only the admin may name one', async () => {
    const id = (await gql(server, Tokens, {}, other)).data!.viewer.id;
    for (const account of [String(id), 'Other Shop']) {
      const created = await gql(server, CreateToken, { account, label: 'by admin' }, ADMIN_TOKEN);
      if (created.data?.createToken.__typename !== 'CreateTokenSuccess') throw new Error(JSON.stringify(created));
      expect((await gql(server, Tokens, {}, created.data.createToken.token)).data?.viewer.id).toBe(id);
    }
    const missing = await gql(server, CreateToken, { label: 'x' }, ADMIN_TOKEN);
    expect(missing.data?.createToken).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^account: /),
    });
    const unknown = await gql(server, CreateToken, { account: 'Nobody' }, ADMIN_TOKEN);
    expect(unknown.data?.createToken).toMatchObject({ code: 'NOT_FOUND' });
    await server.account('Twin');
    await server.account('Twin');
    const twins = await gql(server, CreateToken, { account: 'Twin' }, ADMIN_TOKEN);
    expect(twins.data?.createToken).toMatchObject({ code: 'AMBIGUOUS_ACCOUNT' });
    // An account's token names no account, not even its own by name: it makes tokens for itself.
    const forbidden = await gql(server, CreateToken, { account: 'Other Shop' }, first);
    expect(forbidden.data?.createToken).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("the admin token revokes any account's token", async () => {
    const created = await gql(server, CreateToken, { label: 'lost' }, other);
    if (created.data?.createToken.__typename !== 'CreateTokenSuccess') throw new Error('not created');
    const revoked = await gql(server, RevokeToken, { id: created.data.createToken.apiToken.id }, ADMIN_TOKEN);
    expect(revoked.data?.revokeToken.__typename).toBe('RevokeTokenSuccess');
    expect((await gql(server, Tokens, {}, created.data.createToken.token)).status).toBe(401);
  });
});
