// `reclaim account create`: a seller account and its first token, printed once as one JSON line.
import type { Region } from '../domain/types.js';
import { asAdmin } from './admin.js';
import { withRuntime } from './direct.js';
import { printLine } from './options.js';
import { request } from './remote.js';
import { targetOf } from './target.js';

export const CreateAccount = `mutation CreateAccount($name: String!, $region: Region!) {
  createAccount(name: $name, region: $region) { account { id } token }
}`;

export async function accountCreate(options: { name: string; region: Region; url?: string }) {
  const target = await targetOf(options);
  if (target.kind === 'server') {
    const { createAccount } = await request<{ createAccount: { account: { id: string }; token: string } }>(
      asAdmin(target, 'account create'),
      CreateAccount,
      { name: options.name, region: options.region },
    );
    printLine({ accountId: createAccount.account.id, token: createAccount.token });
    return;
  }
  const { createAccount } = await import('../store/accounts.js');
  await withRuntime('reclaim account create', async ({ db }) => {
    const { account, token } = await createAccount(db, { name: options.name, region: options.region });
    printLine({ accountId: String(account.id), token });
  });
}
