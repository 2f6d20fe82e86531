// `reclaim demo`: a new account filled with generated, realistic data; prints its token.
import { loadDemo } from '../demo/load.js';
import { withRuntime } from './direct.js';
import { printLine } from './options.js';

export async function demo(options: { products?: number; ledgerRows?: number; seed?: number }) {
  await withRuntime('reclaim demo', async (runtime) => {
    const made = await loadDemo(runtime, options);
    printLine({ accountId: String(made.accountId), token: made.token });
  });
}
