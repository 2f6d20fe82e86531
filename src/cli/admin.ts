// The admin token a command sends to a server: RECLAIM_ADMIN_TOKEN, or the one the server made for its run.
import { InvalidArgumentError } from 'commander';
import type { Remote } from './remote.js';
import type { Target } from './target.js';

export function asAdmin(target: Extract<Target, { kind: 'server' }>, what: string): Remote {
  if (!target.adminToken) {
    throw new InvalidArgumentError(
      `${what} needs the admin token of the server at ${target.url}: set RECLAIM_ADMIN_TOKEN to the one it was started with`,
    );
  }
  return { url: target.url, token: target.adminToken, why: target.why };
}
