// `reclaim demo`: a new account filled with generated, realistic data; prints its token. Beside a running server
// (which holds the embedded database), through its API as `account create` and `import` go: the account made with
// the admin token, the generated files written to a temporary directory and uploaded one by one.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { systemClock } from '../clock.js';
import { readConfig } from '../config.js';
import type { DemoOptions } from '../demo/generate.js';
import { CreateAccount } from './account-create.js';
import { asAdmin } from './admin.js';
import { withRuntime } from './direct.js';
import { printLine } from './options.js';
import { RemoteError, request } from './remote.js';
import { type Target, targetOf } from './target.js';

type Options = Omit<DemoOptions, 'asOf'> & { url?: string };

export async function demo(options: Options) {
  const target = await targetOf(options);
  if (target.kind === 'server') {
    await demoThroughServer(target, options);
    return;
  }
  const { loadDemo } = await import('../demo/load.js');
  await withRuntime('reclaim demo', async (runtime) => {
    const made = await loadDemo(runtime, options);
    printLine({ accountId: String(made.accountId), token: made.token });
  });
}

async function demoThroughServer(target: Extract<Target, { kind: 'server' }>, options: Options) {
  const [{ DEMO_ACCOUNT_NAME }, { generateDemo }, { importThroughServer }] = await Promise.all([
    import('../demo/load.js'),
    import('../demo/generate.js'),
    import('./import.js'),
  ]);
  const { createAccount } = await request<{ createAccount: { account: { id: string }; token: string } }>(
    asAdmin(target, 'demo'),
    CreateAccount,
    { name: DEMO_ACCOUNT_NAME, region: 'NA' },
  );
  const remote = { url: target.url, token: createAccount.token, why: target.why };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reclaim-demo-'));
  try {
    const { products, ledgerRows, seed } = options;
    const asOf = systemClock(readConfig().now).now();
    for (const file of generateDemo({ products, ledgerRows, seed, asOf })) {
      const written = path.join(dir, file.fileName);
      await pipeline(Readable.from(file.chunks()), createWriteStream(written));
      let refusal: string | undefined;
      await importThroughServer([written], { kind: file.kind }, remote, (_file, outcome) => {
        if (!outcome.ok) refusal ??= outcome.message;
      });
      if (refusal) throw new RemoteError(`the demo file ${file.fileName} was refused: ${refusal}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  printLine({ accountId: createAccount.account.id, token: createAccount.token });
}
