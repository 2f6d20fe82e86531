// PLACEHOLDER: being written (see the helper brief). Exports the interface load.ts codes against.
import type { ReportKind } from '../domain/types.js';

export interface DemoOptions {
  /** The same seed gives the same files. Default 1. */
  seed?: number;
  /** How many products (SKUs). Default 300. */
  products?: number;
  /** How many inventory ledger rows, roughly. Default: about 20 per product and month of history. */
  ledgerRows?: number;
  /** The "today" the data is built around: every type of missing unit occurs in every window state on this day. */
  asOf: Date;
}

export interface DemoFile {
  kind: ReportKind;
  fileName: string;
  /** The file's text (tab-separated, UTF-8), produced lazily so that millions of rows never sit in memory. */
  chunks(): AsyncIterable<string> | Iterable<string>;
}

export function generateDemo(_options: DemoOptions): DemoFile[] {
  throw new Error('not written yet');
}
