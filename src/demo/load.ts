// `reclaim demo` and `npm start` on an empty database: a generated seller, imported through the real pipeline.

import { importNow } from '../jobs/inline.js';
import type { Runtime } from '../runtime.js';
import { createAccount } from '../store/accounts.js';
import { type DemoOptions, generateDemo } from './generate.js';

/** The demo account's name, wherever it is made (here, or through a running server by `reclaim demo`). */
export const DEMO_ACCOUNT_NAME = 'Demo Seller (generated data)';

export async function loadDemo(
  runtime: Pick<Runtime, 'db' | 'clock' | 'log' | 'config' | 'events'>,
  options: Omit<DemoOptions, 'asOf'>,
): Promise<{ accountId: number; token: string }> {
  const { db, config } = runtime;
  const { account, token } = await createAccount(db, {
    name: DEMO_ACCOUNT_NAME,
    region: 'NA',
    label: 'demo',
  });
  const files = generateDemo({ ...options, asOf: runtime.clock.now() });
  for (const file of files) {
    async function* bytes() {
      for await (const text of file.chunks()) yield Buffer.from(text, 'utf8');
    }
    const outcome = await importNow(
      runtime,
      { accountId: account.id, fileName: file.fileName, kind: file.kind },
      bytes(),
      {
        maxBytes: config.maxUploadBytes,
      },
    );
    if (!outcome.ok) throw new Error(`the demo file ${file.fileName} was refused: ${outcome.message}`);
  }
  return { accountId: account.id, token };
}
