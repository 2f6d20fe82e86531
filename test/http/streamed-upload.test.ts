// Issue 20: a multipart upload goes to disk as it arrives, so the server's memory does not grow with the file, and a
// file over the limit is refused with 413 while it streams, not once it is whole. The server runs in a process of its
// own, so that its resident memory (/proc/PID/status) is the server's alone.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeAbandonedUploads } from '../../src/server/uploads.js';
import { type ProcessDatabase, processDatabase, type ReclaimServer, startReclaim } from '../support/process.js';

const ADMIN = 'admin-token-for-uploads-3c9d1e';
const BOUNDARY = 'reclaim-streamed-upload';
const MB = 1024 * 1024;

interface Running {
  database: ProcessDatabase;
  server: ReclaimServer;
  tmp: string;
  token: string;
}

async function start(env: Record<string, string>): Promise<Running> {
  const database = await processDatabase();
  // The server's temporary files land here, to see that none is left behind.
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'reclaim-upload-test-'));
  const server = await startReclaim(['serve'], { ...database.env, RECLAIM_ADMIN_TOKEN: ADMIN, TMPDIR: tmp, ...env });
  const created = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query: 'mutation { createAccount(name: "Big files", region: NA) { token } }' }),
  });
  const token = ((await created.json()) as { data: { createAccount: { token: string } } }).data.createAccount.token;
  return { database, server, tmp, token };
}

async function stop(running: Running | undefined): Promise<void> {
  if (!running) return;
  // The import of the big file may still be running: it is not what these tests look at.
  await running.server.stop('SIGKILL');
  await running.database.close();
  await rm(running.tmp, { recursive: true, force: true });
}

async function uploadsLeft(running: Running): Promise<string[]> {
  return (await readdir(running.tmp)).filter((name) => name.startsWith('reclaim-upload-'));
}

/**
 * Waits until the upload's temporary file holds `bytes` (the server writes what it receives, short of what socket
 * buffers hold) or 30 s pass; returns its size then.
 */
async function growsOnDisk(running: Running, bytes: number): Promise<number> {
  let size = 0;
  for (let tries = 0; tries < 300 && size < bytes; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const dir of await uploadsLeft(running)) {
      for (const file of await readdir(path.join(running.tmp, dir))) {
        size = Math.max(size, (await stat(path.join(running.tmp, dir, file))).size);
      }
    }
  }
  return size;
}

/** The resident memory of a process and its peak since the last reset, in bytes. */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Makes VmHWM start again from the current RSS (Linux: "5" in clear_refs). */
async function resetPeak(pid: number): Promise<void> {
  await writeFile(`/proc/${pid}/clear_refs`, '5');
}

function multipartHead(fileName: string, wait = false): string {
  const operations = JSON.stringify({
    query:
      'mutation ($file: File!, $wait: Boolean) { importReport(file: $file, wait: $wait) { __typename ... on ImportReportSuccess { import { bytes status } } ... on Error { code message } } }',
    variables: { file: null, wait },
  });
  return [
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n`,
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n`,
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename="${fileName}"\r\nContent-Type: text/tab-separated-values\r\n\r\n`,
  ].join('');
}

const TAIL = `\r\n--${BOUNDARY}--\r\n`;
const HEADER =
  'Date\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry\tReconciled Quantity\tUnreconciled Quantity\tDate and Time\n';
const ROW =
  '04/20/2025\tX00MUG0001\tB0MUG00001\tSKU-MUG-01\tCeramic Mug 350ml\tAdjustments\t100000000001\t-3\tPHX7\tSELLABLE\tM\tUS\t0\t3\t2025-04-20T10:00:00-0700\n';

/** One MiB of ledger rows, sent again and again: the body is made as it is sent, never held whole by the test. */
const ROWS = Buffer.from(ROW.repeat(Math.floor(MB / ROW.length)));

interface Sent {
  status: number;
  body: string;
  /** Bytes written before the answer came (or all of them). */
  sent: number;
  /** When the last byte was handed to the socket, or never (the server answered first). */
  finished: boolean;
}

/**
 * Sends a multipart upload of a ledger of `fileBytes` (header and rows), chunked when `chunked`, calling `whenSent`
 * once the whole body is handed to the socket; stops writing as soon as the server answers.
 */
function sendUpload(
  running: Running,
  options: {
    fileBytes: number;
    chunked: boolean;
    wait?: boolean;
    /** Called once half the file is sent, with nothing more sent until it resolves. */
    halfway?: () => Promise<void>;
    whenSent?: () => Promise<void>;
  },
): Promise<Sent> {
  const head = Buffer.from(multipartHead('big-ledger.tsv', options.wait) + HEADER);
  const chunks = Math.ceil((options.fileBytes - HEADER.length) / ROWS.length);
  const fileBytes = HEADER.length + chunks * ROWS.length;
  const total = head.length - HEADER.length + fileBytes + TAIL.length;
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let finished = false;
    let afterSending: Promise<void> = Promise.resolve();
    const req = request(`${running.server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        authorization: `Bearer ${running.token}`,
        'x-graphql-yoga-csrf': '1',
        ...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(total) }),
      },
    });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        afterSending.then(() => resolve({ status: res.statusCode ?? 0, body, sent, finished }), reject);
      });
    });
    // Writes after the server's answer may fail (it closes the connection): that is the point of answering early.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.write(head);
    sent += head.length;
    let written = 0;
    let halfway = options.halfway;
    const pump = () => {
      while (!answered && written < chunks) {
        if (halfway && written === Math.floor(chunks / 2)) {
          const paused = halfway();
          halfway = undefined;
          return void paused.then(pump, reject);
        }
        written++;
        sent += ROWS.length;
        if (!req.write(ROWS)) return void req.once('drain', pump);
      }
      if (answered) return;
      req.end(TAIL, () => {
        finished = true;
        if (options.whenSent) afterSending = options.whenSent();
      });
      sent += TAIL.length;
    };
    pump();
  });
}

describe('a multipart upload is streamed to disk', () => {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await start({});
  });
  afterAll(() => stop(running));

  it('writes a 150 MB file to disk as it arrives and hands the import all of it', async () => {
    const live = running as Running;
    const pid = live.server.child.pid as number;
    // The first upload loads and compiles the code on its way; measured is the memory that grows with the file.
    const warmUp = await sendUpload(live, { fileBytes: 2 * MB, chunked: false, wait: true });
    expect(warmUp.status, warmUp.body).toBe(200);
    const before = await memoryOf(pid);
    await resetPeak(pid);
    let duringUpload = 0;
    let onDiskHalfway = 0;
    const answer = await sendUpload(live, {
      fileBytes: 150 * MB,
      chunked: false,
      // Half the file sent: the server has it on disk already, not in memory waiting for the rest.
      halfway: async () => {
        onDiskHalfway = await growsOnDisk(live, 70 * MB);
      },
      whenSent: async () => {
        duringUpload = (await memoryOf(pid)).peak;
      },
    });
    expect(answer.status, answer.body).toBe(200);
    expect(answer.finished).toBe(true);
    const result = JSON.parse(answer.body).data.importReport;
    expect(result.__typename, answer.body).toBe('ImportReportSuccess');
    // The whole file reached the import, from the file on disk.
    const fileBytes = answer.sent - multipartHead('big-ledger.tsv').length - TAIL.length;
    expect(fileBytes).toBeGreaterThanOrEqual(150 * MB);
    expect(result.import.bytes).toBe(fileBytes);
    expect(onDiskHalfway).toBeGreaterThanOrEqual(70 * MB);
    // Reported, not asserted: the embedded server's RSS swings by 100-300 MB on its own (the database's memory), so
    // a bound tight enough to tell a file held in memory from one on disk would fail for reasons not the upload's.
    // The file on disk halfway through, above, is what tells them apart.
    console.log(
      `RSS before ${Math.round(before.rss / MB)} MB, peak during the upload ${Math.round(duringUpload / MB)} MB (+${Math.round((duringUpload - before.rss) / MB)} MB), load ${os.loadavg()[0]?.toFixed(1)}`,
    );
    // The temporary file is gone once the answer is out.
    expect(await uploadsLeft(live)).toEqual([]);
  }, 300_000);
});

describe('the upload limit', () => {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await start({ RECLAIM_MAX_UPLOAD_MB: '2' });
  });
  afterAll(() => stop(running));

  it('refuses a file over RECLAIM_MAX_UPLOAD_MB with 413 while it streams, saying the limit', async () => {
    const live = running as Running;
    const answer = await sendUpload(live, { fileBytes: 400 * MB, chunked: true });
    expect(answer.status).toBe(413);
    expect(answer.finished).toBe(false);
    const error = JSON.parse(answer.body).errors[0];
    expect(error.extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(error.message).toMatch(/2 MiB for a file upload/);
    // Refused at the limit: socket buffers hold a few MiB, the 400 MiB were never sent.
    expect(answer.sent).toBeLessThan(64 * MB);
    expect(await uploadsLeft(live)).toEqual([]);
    const imports = await fetch(`${live.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${live.token}` },
      body: JSON.stringify({ query: '{ imports(first: 5) { edges { node { id } } } }' }),
    });
    expect(((await imports.json()) as { data: { imports: { edges: unknown[] } } }).data.imports.edges).toEqual([]);
  });
});

describe('temporary files of uploads', () => {
  it('removes those a killed process left behind, once a day old, and no others', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reclaim-upload-sweep-'));
    try {
      const old = path.join(dir, 'reclaim-upload-old');
      const fresh = path.join(dir, 'reclaim-upload-fresh');
      const other = path.join(dir, 'someone-else');
      for (const one of [old, fresh, other]) await mkdir(one);
      const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
      await utimes(old, twoDaysAgo, twoDaysAgo);
      await utimes(other, twoDaysAgo, twoDaysAgo);
      await removeAbandonedUploads(24 * 3600 * 1000, dir);
      expect((await readdir(dir)).sort()).toEqual(['reclaim-upload-fresh', 'someone-else']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
