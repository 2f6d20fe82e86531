// docs/api.md (claimDraft, updateSettings) and the schema: "descriptionLanguage: Used by EU accounts" — an EU account
// writes its claim descriptions in the language it chose; other regions write English (Seller Central support
// reads English there).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql, member, startServer, type TestServer } from '../support/server.js';
import {
  importText,
  LOST_DAY,
  ledgerFile,
  NOW,
  openedCase,
  SetDescriptionLanguage,
  ViewerIdentity,
} from './fixtures.js';
import { Draft } from './support.js';

async function seller(server: TestServer, region: 'NA' | 'EU') {
  const token = await server.account(`Language ${region}`, region);
  await importText(
    server,
    token,
    'ledger.tsv',
    ledgerFile([{ day: LOST_DAY, sku: 'SKU-A', quantity: -2, reference: '610000000001', title: 'Ceramic Mug' }]),
  );
  return token;
}

const descriptionOf = async (server: TestServer, token: string) =>
  (await gql(server, Draft, { type: 'LOST', skus: ['SKU-A'], asOf: NOW }, token)).data!.claimDraft.description;

function answerWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)),
  ]);
}

describe('the language of claim descriptions, through updateSettings', () => {
  // A server per test: a settings change must not leak into the next test, and a stuck database (updateSettings once
  // deadlocked the embedded database) must not hang the rest.
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer({ now: new Date(NOW) });
  });
  afterEach(async () => {
    await answerWithin(server.close(), 5000, 'closing the server').catch(() => undefined);
  });

  // updateSettings must answer on the embedded database (one connection: no query outside its transaction).
  it('an EU account that chooses French gets a French description', async () => {
    const token = await seller(server, 'EU');
    expect(await descriptionOf(server, token)).toMatch(/^Hello,/);
    const result = await answerWithin(
      gql(server, SetDescriptionLanguage, { language: 'FR' }, token),
      10_000,
      'updateSettings(descriptionLanguage: FR)',
    );
    const updated = member(result.data!.updateSettings, 'UpdateSettingsSuccess');
    expect(updated.account).toMatchObject({ region: 'EU', descriptionLanguage: 'FR' });
    const description = await descriptionOf(server, token);
    expect(description).toMatch(/^Bonjour,/);
    expect(description).toContain('610000000001');
  });

  it('an NA account that chooses French still gets English', async () => {
    const token = await seller(server, 'NA');
    const result = await answerWithin(
      gql(server, SetDescriptionLanguage, { language: 'FR' }, token),
      10_000,
      'updateSettings(descriptionLanguage: FR)',
    );
    member(result.data!.updateSettings, 'UpdateSettingsSuccess');
    const description = await descriptionOf(server, token);
    expect(description).toMatch(/^Hello,/);
    expect(description).not.toContain('Bonjour');
  });
});

describe('the language of claim descriptions, as saved in the account', () => {
  // The language written straight to the account (updateSettings aside): what the descriptions do with it.
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ now: new Date(NOW) });
  });
  afterAll(() => server?.close());

  async function chooseFrench(token: string) {
    const id = Number((await gql(server, ViewerIdentity, {}, token)).data!.viewer.id);
    await server.database.db.prisma.account.update({ where: { id }, data: { descriptionLanguage: 'FR' } });
  }

  it('is French for an EU account that chose French, in the draft and in the case opened from it', async () => {
    const token = await seller(server, 'EU');
    await chooseFrench(token);
    expect((await gql(server, ViewerIdentity, {}, token)).data!.viewer).toMatchObject({ descriptionLanguage: 'FR' });
    const description = await descriptionOf(server, token);
    expect(description).toMatch(/^Bonjour,/);
    expect(description).toContain('610000000001');
    expect(description).toContain('Ceramic Mug');
    const opened = await openedCase(server, token, { skus: ['SKU-A'], amazonCaseId: '610000000099', asOf: NOW });
    expect(opened.description).toBe(description);
  });

  it('is English for an NA account, whatever it chose', async () => {
    const token = await seller(server, 'NA');
    await chooseFrench(token);
    const description = await descriptionOf(server, token);
    expect(description).toMatch(/^Hello,/);
    expect(description).not.toContain('Bonjour');
  });
});
