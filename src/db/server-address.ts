// Where the `reclaim serve` that holds the embedded database answers, written beside its lock (lock.ts): the other
// `reclaim` commands find it there and go through its GraphQL API instead of the database it holds. Readable by the
// user only (0600): it may carry the admin token the server made for this run.
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ServerAddress {
  pid: number;
  /** The server's base URL, without /graphql. */
  url: string;
  /** The admin token the server made for this run, when RECLAIM_ADMIN_TOKEN is not set. */
  adminToken?: string;
}

const FILE = 'reclaim.server.json';

export function writeServerAddress(dir: string, address: ServerAddress): void {
  const file = path.join(dir, FILE);
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(address), { mode: 0o600 });
  // The mode of writeFileSync is reduced by the umask only; chmod makes sure, then the rename makes it whole at once.
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}

/** Removes the address, unless another process wrote it since. */
export function removeServerAddress(dir: string, pid = process.pid): void {
  if (readServerAddress(dir)?.pid === pid) rmSync(path.join(dir, FILE), { force: true });
}

export function readServerAddress(dir: string): ServerAddress | undefined {
  try {
    const address = JSON.parse(readFileSync(path.join(dir, FILE), 'utf8')) as Partial<ServerAddress>;
    if (typeof address.pid !== 'number' || typeof address.url !== 'string') return undefined;
    return address as ServerAddress;
  } catch {
    return undefined;
  }
}
