// Sellers' real files (issue: every report as Seller Central and the SP-API really deliver it): the corpus of
// test/fixtures/real-world uploaded through GraphQL, each file with its exact numbers, and the same rows in every
// shape giving the same missing products as their tab-separated twin.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_FILES, type CorpusFile, corpusPath, TWIN_SHAPES, twinFiles } from '../fixtures/real-world/corpus.js';
import { graphql } from '../gql/index.js';
import { expectSampleNumbers, MissingView } from '../support/expected-samples.js';
import {
  gql,
  member,
  SAMPLE_FILES,
  SAMPLES_AS_OF,
  startServer,
  type TestServer,
  upload,
  uploadSample,
} from '../support/server.js';

const ImportUpload = graphql(`
  mutation ImportUpload($file: File!, $kind: ReportKind) {
    importReport(file: $file, kind: $kind) {
      __typename
      ... on ImportReportSuccess {
        imports { fileName kind status rows inserted updated duplicates }
      }
      ... on Error { code message }
      ... on ImportRefusedError { errors { line column message } }
    }
  }
`);

const CorpusProduct = graphql(`
  query CorpusProduct($sku: String!) {
    product(sku: $sku) { sku title purchaseCost { amount currency } }
  }
`);

async function uploadFile(server: TestServer, token: string, file: string) {
  const content = await readFile(corpusPath(file));
  const result = await upload(server, token, { name: file.split('/').pop()!, content }, ImportUpload, {});
  expect(result.errors, file).toBeUndefined();
  return result.data!.importReport;
}

async function missingView(server: TestServer, token: string) {
  const result = await gql(server, MissingView, { asOf: SAMPLES_AS_OF, first: 50 }, token);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('the corpus: every file gives its exact numbers, or its exact refusal', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const label = (entry: CorpusFile) => `${entry.file} (${entry.region})`;

  for (const entry of CORPUS_FILES) {
    it(label(entry), async () => {
      const token = await server.account(label(entry), entry.region);
      const outcome = await uploadFile(server, token, entry.file);
      if (entry.refused) {
        expect(outcome).toMatchObject({ __typename: 'ImportRefusedError', ...entry.refused });
        return;
      }
      const { imports } = member(outcome, 'ImportReportSuccess');
      const expected = entry.imports!;
      if ('kind' in expected) {
        expect(imports).toEqual([
          { fileName: entry.file.split('/').pop(), status: 'SUCCEEDED', ...(expected as object) },
        ]);
      } else {
        const archive = entry.file.split('/').pop();
        expect(imports).toEqual(
          Object.entries(expected).map(([name, numbers]) => ({
            fileName: `${archive}/${name}`,
            status: 'SUCCEEDED',
            ...numbers,
          })),
        );
      }
    });
  }
});

describe('one content in every shape gives the same missing products as its TSV twin', () => {
  let server: TestServer;
  let twin: Awaited<ReturnType<typeof missingView>>;
  let tsvToken: string;
  beforeAll(async () => {
    server = await startServer();
    tsvToken = await server.account('TSV twin', 'NA');
    for (const file of SAMPLE_FILES) {
      member((await uploadSample(server, tsvToken, file)).data?.importReport, 'ImportReportSuccess');
    }
    twin = await missingView(server, tsvToken);
  });
  afterAll(() => server.close());

  it('the TSV twin gives the numbers of EXPECTED.md', async () => {
    await expectSampleNumbers(server, tsvToken, SAMPLES_AS_OF);
  });

  for (const shape of Object.keys(TWIN_SHAPES) as Array<keyof typeof TWIN_SHAPES>) {
    it(`${shape}: identical missingProducts and totals`, async () => {
      const token = await server.account(shape, 'NA');
      for (const file of twinFiles(shape)) member(await uploadFile(server, token, file), 'ImportReportSuccess');
      expect(await missingView(server, token)).toEqual(twin);
    });

    it(`${shape}: the same rows as the TSV's, so that imported after it they are all duplicates`, async () => {
      for (const file of twinFiles(shape).filter((name) => !name.includes('inbound') && !name.includes('costs'))) {
        const { imports } = member(await uploadFile(server, tsvToken, file), 'ImportReportSuccess');
        expect(imports[0], file).toMatchObject({ inserted: 0, updated: 0, duplicates: imports[0]!.rows });
      }
      expect(await missingView(server, tsvToken)).toEqual(twin);
    });
  }

  it('zip: the six reports of one archive, one import each, identical missingProducts', async () => {
    const token = await server.account('zip', 'NA');
    const { imports } = member(await uploadFile(server, token, 'zip/all-reports.zip'), 'ImportReportSuccess');
    expect(imports).toHaveLength(6);
    expect(await missingView(server, token)).toEqual(twin);
  });
});

describe('shapes of a single report', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startServer();
    token = await server.account('Shapes', 'NA');
  });
  afterAll(() => server.close());

  async function title(sku: string) {
    return (await gql(server, CorpusProduct, { sku }, token)).data?.product;
  }

  it("reads Seller Central's unescaped quotes in titles as Amazon meant them", async () => {
    member(await uploadFile(server, token, 'shapes/ledger-unescaped-quotes.csv'), 'ImportReportSuccess');
    expect((await title('SKU-WEBCAM'))?.title).toBe('Webcam for PC/Mac, 1/2" Sensor');
    expect((await title('SKU-MONITOR'))?.title).toBe('Monitor 24", black');
    expect((await title('SKU-CABLE'))?.title).toBe('Cable 6"');
  });

  it('reads a CR-only file (old Mac exports) rather than finding no row in it', async () => {
    member(await uploadFile(server, token, 'shapes/product-costs-cr-only.txt'), 'ImportReportSuccess');
    expect((await title('SKU-OLDMAC-3'))?.purchaseCost).toEqual({ amount: '11.75', currency: 'USD' });
  });

  it('reads decimal commas and thousands dots of a semicolon file', async () => {
    const { imports } = member(await uploadFile(server, token, 'excel-eu/product-costs.csv'), 'ImportReportSuccess');
    expect(imports[0]).toMatchObject({ rows: 3, inserted: 3 });
    expect((await title('SKU-LAMP-02'))?.purchaseCost).toEqual({ amount: '22.50', currency: 'USD' });
  });

  it('refuses a whole archive, naming the file, when one of its files is not a report', async () => {
    const { zipFiles } = await import('../support/zip.js');
    const content = zipFiles([
      { name: 'ledger.csv', content: await readFile(corpusPath('seller-central/ledger.csv')) },
      { name: 'notes.txt', content: 'call Amazon on Monday\n' },
    ]);
    const result = await upload(server, token, { name: 'mine.zip', content }, ImportUpload, {});
    const refused = member(result.data?.importReport, 'ImportRefusedError');
    expect(refused.message).toMatch(/^notes\.txt \(in mine\.zip\): line 1: the header matches no report Reclaim reads/);
    const listed = await server.database.db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM import WHERE file_name LIKE 'mine.zip%'",
    );
    expect(listed[0]!.n).toBe(0);
  });

  it('refuses a ZIP inside a ZIP', async () => {
    const { zipFiles } = await import('../support/zip.js');
    const inner = zipFiles([{ name: 'ledger.csv', content: await readFile(corpusPath('seller-central/ledger.csv')) }]);
    const content = zipFiles([{ name: 'inner.zip', content: inner }]);
    const result = await upload(server, token, { name: 'outer.zip', content }, ImportUpload, {});
    expect(member(result.data?.importReport, 'ImportRefusedError').message).toBe(
      'inner.zip (in outer.zip): line 1: the file is a ZIP archive inside a ZIP archive: unzip it first',
    );
  });
});

// Issue: sellers' real files, point 8.
describe('a duplicate row changes nothing', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startServer();
    token = await server.account('Duplicates', 'NA');
  });
  afterAll(() => server.close());

  it("keeps the product's title when the same rows come again with another title", async () => {
    member((await uploadSample(server, token, 'ledger.tsv')).data?.importReport, 'ImportReportSuccess');
    const ledger = await readFile(corpusPath('../../../spec/samples/ledger.tsv'), 'utf8');
    const retitled = ledger.replaceAll('Ceramic Mug 350ml', 'Ceramic Mug 350ml (new listing title)');
    const result = await upload(server, token, { name: 'again.tsv', content: retitled }, ImportUpload, {});
    expect(member(result.data?.importReport, 'ImportReportSuccess').imports[0]).toMatchObject({
      inserted: 0,
      duplicates: 12,
    });
    expect((await gql(server, CorpusProduct, { sku: 'SKU-MUG-01' }, token)).data?.product?.title).toBe(
      'Ceramic Mug 350ml',
    );
  });

  it('keeps the product of a cost row that changes no cost, whatever title it gives', async () => {
    member((await uploadSample(server, token, 'product-costs.tsv')).data?.importReport, 'ImportReportSuccess');
    const costs = 'sku\tcost\tcurrency\ttitle\nSKU-MUG-01\t5.10\tUSD\tRenamed mug\n';
    const result = await upload(server, token, { name: 'costs.tsv', content: costs }, ImportUpload, {});
    expect(member(result.data?.importReport, 'ImportReportSuccess').imports[0]).toMatchObject({ duplicates: 1 });
    expect((await gql(server, CorpusProduct, { sku: 'SKU-MUG-01' }, token)).data?.product?.title).toBe(
      'Ceramic Mug 350ml',
    );
  });
});
