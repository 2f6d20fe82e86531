// PGlite is one database in one process: a second process opening the same directory would corrupt it.
// A lock file with the owner's pid keeps a second `reclaim` away and says who holds the directory.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Thrown, not returned: another process holds the data directory, so this command cannot run at all; the CLI's one
 * handler (cli/main.ts) prints it and exits 2.
 */
export class DataDirectoryInUseError extends Error {}

/** Whether the process `pid` is running (one of another user is, though this one may not signal it). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockHolder {
  pid: number;
  purpose?: string;
}

/** The live process that holds the directory's lock, if any (a lock left by a crashed process holds nothing). */
export function lockHolder(dir: string): LockHolder | undefined {
  let holder: { pid?: number; purpose?: string } = {};
  try {
    holder = JSON.parse(readFileSync(path.join(dir, 'reclaim.lock'), 'utf8'));
  } catch {
    return undefined;
  }
  return holder.pid && processIsAlive(holder.pid) ? { pid: holder.pid, purpose: holder.purpose } : undefined;
}

/** Takes the directory's lock, or fails naming the process that holds it. Returns the release function. */
export function lockDataDirectory(dir: string, purpose: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'reclaim.lock');
  const claim = () =>
    writeFileSync(file, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }), { flag: 'wx' });
  try {
    claim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = lockHolder(dir);
    if (holder && holder.pid !== process.pid) {
      throw new DataDirectoryInUseError(
        `The embedded database in ${dir} is in use by process ${holder.pid} (${holder.purpose ?? 'reclaim'}). ` +
          'Stop it first, or run Reclaim on PostgreSQL (DATABASE_URL) to share one database between processes.',
      );
    }
    // The holder is gone (it crashed): the lock is stale.
    rmSync(file, { force: true });
    claim();
  }
  return () => rmSync(file, { force: true });
}
