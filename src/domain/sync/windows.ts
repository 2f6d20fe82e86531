// What each sync asks Amazon for: the feeds, in order, and the window of data of each. Pure: the job gives it the
// cursors (how far each feed was fetched) and asOf.

export const SYNC_FEEDS = [
  'INBOUND_SHIPMENTS',
  'LEDGER',
  'REIMBURSEMENTS',
  'CUSTOMER_RETURNS',
  'SETTLEMENTS',
  'REFUNDS',
  'REMOVAL_ORDERS',
  'REMOVAL_SHIPMENTS',
] as const;
export type SyncFeed = (typeof SYNC_FEEDS)[number];

/** The Reports API report type of each feed that is a report. */
export const REPORT_TYPES = {
  LEDGER: 'GET_LEDGER_DETAIL_VIEW_DATA',
  REIMBURSEMENTS: 'GET_FBA_REIMBURSEMENTS_DATA',
  CUSTOMER_RETURNS: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA',
  SETTLEMENTS: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
  REMOVAL_ORDERS: 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA',
  REMOVAL_SHIPMENTS: 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA',
} as const;

/** The import kind each feed's data goes in as. */
export const IMPORT_KINDS = {
  LEDGER: 'LEDGER',
  REIMBURSEMENTS: 'REIMBURSEMENTS',
  CUSTOMER_RETURNS: 'CUSTOMER_RETURNS',
  SETTLEMENTS: 'SETTLEMENT',
  INBOUND_SHIPMENTS: 'INBOUND_SHIPMENTS',
  REFUNDS: 'SETTLEMENT',
  REMOVAL_ORDERS: 'REMOVAL_ORDERS',
  REMOVAL_SHIPMENTS: 'REMOVAL_SHIPMENTS',
} as const satisfies Record<SyncFeed, string>;

const DAY_MS = 86_400_000;

/** Amazon keeps 18 months of ledger and FBA report data; a window may not start earlier. */
export const REPORT_HISTORY_DAYS = 540;
/** getReports lists the reports of the last 90 days only (its createdSince may not be earlier). */
export const REPORT_LIST_DAYS = 90;
/**
 * Windows end a few minutes before now: Amazon refuses a dataEndTime in the future, and Finances a postedBefore less
 * than two minutes before the request (finances_2024-06-19.json).
 */
export const END_MARGIN_MS = 3 * 60_000;
/**
 * The longest window of one Finances listTransactions query. finances_2024-06-19.json, postedBefore: "If PostedAfter
 * and PostedBefore are more than 180 days apart, the response is empty" (no error): longer windows go in slices.
 */
export const FINANCES_SLICE_DAYS = 180;
/**
 * The longest window of one createReport, by default. Amazon publishes no maximum for these report types; one
 * request for 540 days is not one we can show it answers whole, so long windows go in slices of this many days.
 */
export const REPORT_SLICE_DAYS = 90;

/**
 * How far back the removal feeds fetch again, at least. Both removal reports select their rows by the removal
 * order's request date, not by when a row last changed (selling-partner-api-models issue #2538: "the dataStartTime
 * param of createReport API is created time of the removal order"): an order requested months ago that ships or
 * completes today is only seen again by a window that reaches back to its request. Orders take weeks to complete,
 * and the in-transit window runs 75 days after a shipment (docs/rules.md section 10): 120 days covers both.
 */
export const REMOVAL_LOOKBACK_DAYS = 120;

export interface SyncSettings {
  /** How far back a sync fetches again what an earlier one fetched (Amazon back-dates returns and payments). */
  lookbackDays: number;
  /** How far back the first sync fetches. */
  historyDays: number;
  /** The longest window of one createReport (REPORT_SLICE_DAYS unless configured). */
  reportSliceDays?: number;
}

export interface Window {
  start: Date;
  end: Date;
}

/**
 * The window of a feed: from where the previous sync stopped, less the look-back, to now; the first sync reaches
 * back `historyDays`. Never earlier than Amazon keeps the data; settlements by their creation time, at most 90 days
 * back; refunds from Finances only after the last settlement (settlements hold the settled ones); removals at least
 * REMOVAL_LOOKBACK_DAYS back.
 */
export function windowOf(
  feed: SyncFeed,
  input: { asOf: Date; fetchedThrough?: Date; settledThrough?: Date; settings: SyncSettings },
): Window {
  const { asOf, fetchedThrough, settledThrough, settings } = input;
  const end = new Date(asOf.getTime() - END_MARGIN_MS);
  const earliest = asOf.getTime() - Math.min(settings.historyDays, REPORT_HISTORY_DAYS) * DAY_MS;
  const removal = feed === 'REMOVAL_ORDERS' || feed === 'REMOVAL_SHIPMENTS';
  const lookbackDays = removal ? Math.max(settings.lookbackDays, REMOVAL_LOOKBACK_DAYS) : settings.lookbackDays;
  let start = fetchedThrough ? Math.max(earliest, fetchedThrough.getTime() - lookbackDays * DAY_MS) : earliest;
  if (feed === 'SETTLEMENTS') start = Math.max(start, asOf.getTime() - REPORT_LIST_DAYS * DAY_MS);
  if (feed === 'REFUNDS' && settledThrough) start = Math.max(start, settledThrough.getTime());
  return { start: new Date(Math.min(start, end.getTime())), end };
}

/**
 * The next slice of a window to fetch: from `from` (where the feed has read to), at most `maxDays` long, never past
 * the window's end. Undefined when the window is read.
 */
export function nextSlice(from: Date, windowEnd: Date, maxDays: number): Window | undefined {
  if (from.getTime() >= windowEnd.getTime()) return undefined;
  return { start: from, end: new Date(Math.min(windowEnd.getTime(), from.getTime() + maxDays * DAY_MS)) };
}

/**
 * How long to wait before asking again about a report Amazon is making, after `polls` looks: 1 s, 2 s, 4 s… up to
 * 5 minutes (getReport allows 2 requests a second; most reports take seconds to minutes).
 */
export function pollDelayMs(polls: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(0, polls - 1));
}

/** A report still not made after this many polls (about a day) has failed. */
export const MAX_POLLS = 300;
