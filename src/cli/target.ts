// Where a command's work goes: through a running server's GraphQL API, or to the database itself. The embedded
// database is one process's alone: while `reclaim serve` holds it, the commands go through that server (its address
// is written beside its lock) and never open the database behind its back. PostgreSQL is shared: commands use it
// directly, as the servers do. `--url` sends them to any server.
import { InvalidArgumentError } from 'commander';
import { readConfig } from '../config.js';
import { DataDirectoryInUseError, lockHolder } from '../db/lock.js';
import { readServerAddress } from '../db/server-address.js';

export type Target = { kind: 'server'; url: string; adminToken?: string; why: string } | { kind: 'database' };

/** How long a command waits for a starting server (loading the demo takes a while) to say where it answers. */
const STARTING_WAIT_MS = 120_000;

export function serverUrlOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidArgumentError(`--url ${JSON.stringify(url)} is not a URL (such as http://127.0.0.1:4000)`);
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '').replace(/\/graphql$/, '')}`;
}

export async function targetOf(options: { url?: string }): Promise<Target> {
  if (options.url) {
    return {
      kind: 'server',
      url: serverUrlOf(options.url),
      adminToken: process.env.RECLAIM_ADMIN_TOKEN || undefined,
      why: '--url',
    };
  }
  const config = readConfig();
  if (config.databaseUrl) return { kind: 'database' };
  const deadline = Date.now() + STARTING_WAIT_MS;
  let told = false;
  for (;;) {
    const holder = lockHolder(config.dataDir);
    // Free, or held by a one-off command: the database side says so (it takes the lock, or names the holder).
    if (!holder || holder.purpose !== 'reclaim serve') return { kind: 'database' };
    const address = readServerAddress(config.dataDir);
    if (address?.pid === holder.pid) {
      return {
        kind: 'server',
        url: address.url,
        // The token this run of the server made is the one it accepts; else the one it was configured with.
        adminToken: address.adminToken ?? config.adminToken,
        why: `the server (process ${holder.pid}) that holds ${config.dataDir}`,
      };
    }
    if (Date.now() > deadline) {
      throw new DataDirectoryInUseError(
        `The embedded database in ${config.dataDir} is held by reclaim serve (process ${holder.pid}), which has not said where it answers: try again once it is up, or give its address with --url`,
      );
    }
    if (!told) {
      process.stderr.write(`reclaim: waiting for the server (process ${holder.pid}) to finish starting…\n`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
