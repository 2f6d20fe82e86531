// What several commands read from their arguments and environment.
import { createInterface } from 'node:readline';
import { InvalidArgumentError } from 'commander';

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}

export function tokenOf(options: { account?: string }): string {
  const token = options.account ?? process.env.RECLAIM_TOKEN;
  if (!token) throw new InvalidArgumentError('give the account token with --account TOKEN (or RECLAIM_TOKEN)');
  return token;
}

/** A count of units: a whole number from 0. */
export function unitCount(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number))
    throw new InvalidArgumentError('expected a whole number of units, 0 or more');
  return number;
}

/** Whether a value is an account token (rather than an account's id or name). */
export function isAccountToken(value: string): boolean {
  return value.startsWith('rcl_');
}

/** A secret from the environment, else one line of standard input: never from an argument (ps, shell history). */
export async function secretFrom(variable: string, what: string): Promise<string> {
  const value = process.env[variable];
  if (value) return value;
  if (process.stdin.isTTY) process.stderr.write(`${what} (or set ${variable}): `);
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    if (line.trim()) return line.trim();
  }
  throw new InvalidArgumentError(`${what} is missing: set ${variable}, or give it on standard input`);
}

/** One JSON line on standard output: what scripts read. */
export function printLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
