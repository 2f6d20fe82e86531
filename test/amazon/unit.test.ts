// The pure parts of the Selling Partner API sync: windows, polling, token buckets, Retry-After, charsets, sealing,
// error texts, and Finances 2024-06-19 transactions as settlement rows read by the settlement format.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accessTokenRefused, charsetOf, errorText, retryAfterMs, SpApiError } from '../../src/amazon/client.js';
import { TokenBucket } from '../../src/amazon/rate-limits.js';
import { SealError, seal, unseal } from '../../src/amazon/sealed.js';
import {
  PROVISIONAL_SETTLEMENT_ID,
  type TransactionsPage,
  transactionsAsSettlementText,
} from '../../src/domain/sync/finances-transactions.js';
import { nextSlice, pollDelayMs, windowOf } from '../../src/domain/sync/windows.js';
import { refundTransaction, saleTransaction } from '../support/fake-sp-api.js';

const DAY_MS = 86_400_000;
const asOf = new Date('2025-06-15T00:00:00Z');
const settings = { lookbackDays: 45, historyDays: 540 };

describe('sync windows', () => {
  it('the first sync reaches back historyDays; it ends 3 minutes before now', () => {
    const window = windowOf('LEDGER', { asOf, settings });
    expect(window.start.getTime()).toBe(asOf.getTime() - 540 * DAY_MS);
    expect(window.end.getTime()).toBe(asOf.getTime() - 3 * 60_000);
  });

  it('later syncs start the look-back before where the previous one stopped, never before Amazon keeps data', () => {
    const fetchedThrough = new Date('2025-06-01T00:00:00Z');
    expect(windowOf('REIMBURSEMENTS', { asOf, fetchedThrough, settings }).start).toEqual(
      new Date(fetchedThrough.getTime() - 45 * DAY_MS),
    );
    const long = windowOf('LEDGER', { asOf, fetchedThrough, settings: { lookbackDays: 45, historyDays: 9999 } });
    expect(long.start.getTime()).toBe(new Date('2025-06-01T00:00:00Z').getTime() - 45 * DAY_MS);
    expect(windowOf('LEDGER', { asOf, settings: { lookbackDays: 0, historyDays: 9999 } }).start.getTime()).toBe(
      asOf.getTime() - 540 * DAY_MS,
    );
  });

  it('settlements are listed at most 90 days back; refunds start at the end of the last settlement', () => {
    expect(windowOf('SETTLEMENTS', { asOf, settings }).start.getTime()).toBe(asOf.getTime() - 90 * DAY_MS);
    const settledThrough = new Date('2025-06-14T00:00:00Z');
    expect(windowOf('REFUNDS', { asOf, settledThrough, settings }).start).toEqual(settledThrough);
    // A settlement ending after the window's end gives an empty window, never a reversed one.
    const later = windowOf('REFUNDS', { asOf, settledThrough: new Date('2025-06-20T00:00:00Z'), settings });
    expect(later.start).toEqual(later.end);
  });

  it('cuts a long window into slices of at most N days, oldest first, the last one ending with the window', () => {
    const window = windowOf('LEDGER', { asOf, settings });
    const slices = [];
    for (let slice = nextSlice(window.start, window.end, 90); slice; slice = nextSlice(slice.end, window.end, 90)) {
      slices.push(slice);
    }
    expect(slices).toHaveLength(6);
    expect(slices[0]!.start).toEqual(window.start);
    expect(slices.at(-1)!.end).toEqual(window.end);
    for (const [index, slice] of slices.entries()) {
      expect(slice.end.getTime() - slice.start.getTime()).toBeLessThanOrEqual(90 * DAY_MS);
      if (index > 0) expect(slice.start).toEqual(slices[index - 1]!.end);
    }
    expect(nextSlice(window.end, window.end, 90)).toBeUndefined();
  });

  it('looks again at a report 1 s, 2 s, 4 s… up to 5 minutes apart', () => {
    expect([1, 2, 3, 4, 10, 50].map(pollDelayMs)).toEqual([1000, 2000, 4000, 8000, 300_000, 300_000]);
  });
});

describe('token buckets', () => {
  it('give the burst at once, then one token per 1/rate seconds', () => {
    const bucket = new TokenBucket({ rate: 2, burst: 3 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([0, 0, 0]);
    expect(bucket.take(0)).toBe(500);
    expect(bucket.take(500)).toBe(0);
  });

  it('after a 429, give the next token when Retry-After says, else after a full refill of one', () => {
    const bucket = new TokenBucket({ rate: 0.0167, burst: 15 }, 0);
    bucket.emptyFor(0, 1000);
    expect(bucket.take(0)).toBe(1000);
    expect(bucket.take(1000)).toBe(0);
    bucket.emptyFor(1000);
    expect(bucket.take(1000)).toBeGreaterThan(59_000);
  });

  it('adopt the rate Amazon grants (x-amzn-RateLimit-Limit)', () => {
    const bucket = new TokenBucket({ rate: 0.0167, burst: 1 }, 0);
    bucket.take(0);
    bucket.adopt(1);
    expect(bucket.take(0)).toBe(1000);
  });
});

describe('HTTP details', () => {
  it("reads Amazon's errors from code, message and details; a 403 about the access token is worth a fresh one", () => {
    const expired = {
      errors: [
        {
          code: 'Unauthorized',
          message: 'Access to requested resource is denied.',
          details: 'The access token you provided has expired.',
        },
      ],
    };
    expect(errorText(expired)).toBe(
      'Unauthorized: Access to requested resource is denied. (The access token you provided has expired.)',
    );
    expect(accessTokenRefused(errorText(expired))).toBe(true);
    expect(accessTokenRefused('Unauthorized: The security token included in the request is expired')).toBe(true);
    const denied = {
      errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }],
    };
    expect(errorText(denied)).toBe('Unauthorized: Access to requested resource is denied.');
    expect(accessTokenRefused(errorText(denied))).toBe(false);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2025-06-15T00:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Sun, 15 Jun 2025 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });

  it("decodes a document by its Content-Type's charset, Amazon's Java names too", () => {
    expect(charsetOf('text/plain;charset=UTF-8')).toBeUndefined();
    expect(charsetOf('text/plain')).toBeUndefined();
    expect(charsetOf('text/plain;charset=Cp1252')).toBe('cp1252');
    expect(charsetOf('text/tab-separated-values; charset="windows-31j"')).toBe('cp932');
    expect(charsetOf('text/plain;charset=Shift_JIS')).toBe('shift_jis');
    expect(() => charsetOf('text/plain;charset=klingon')).toThrow(SpApiError);
  });
});

describe('sealed credentials', () => {
  const key = randomBytes(32);

  it('open with the key, in the account and field they were sealed for', () => {
    const sealed = seal(key, 'Atzr|refresh-token', 'amazon_connection:1:refresh_token');
    expect(sealed).not.toContain('refresh-token');
    expect(unseal(key, sealed, 'amazon_connection:1:refresh_token')).toBe('Atzr|refresh-token');
    // The same value sealed twice looks different (a fresh IV each time).
    expect(seal(key, 'Atzr|refresh-token', 'x')).not.toBe(seal(key, 'Atzr|refresh-token', 'x'));
  });

  it('refuse another key, another row, or an altered value, saying which', () => {
    const sealed = seal(key, 'secret', 'amazon_connection:1:client_secret');
    expect(() => unseal(randomBytes(32), sealed, 'amazon_connection:1:client_secret')).toThrow(
      /another RECLAIM_SECRET_KEY/,
    );
    expect(() => unseal(key, sealed, 'amazon_connection:2:client_secret')).toThrow(SealError);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => unseal(key, parts.join('.'), 'amazon_connection:1:client_secret')).toThrow(/altered/);
    expect(() => unseal(key, 'plain text', 'x')).toThrow(/not a sealed value/);
  });
});

describe('Finances 2024-06-19 transactions as provisional settlement rows', () => {
  const page = (...transactions: unknown[]) => ({ payload: { transactions } }) as TransactionsPage;
  const rowsOf = (text: string) => {
    const [header, ...lines] = text
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'));
    return lines.map((values) => Object.fromEntries(header!.map((name, i) => [name, values[i]])));
  };

  it('gives each refunded item its Principal row and one ItemFees row per fee, AFN as Finances says or by SKU', () => {
    const refund = refundTransaction({
      orderId: '111-0000009-0000009',
      postedDate: '2025-06-14T15:00:00Z',
      sku: 'SKU-CAP-04',
      quantity: 2,
      principal: -39.98,
      fees: { Commission: 5.4, RefundCommission: -1.08 },
      adjustmentItemId: '90000000000009',
    });
    const mfn = refundTransaction({
      orderId: '111-0000010-0000010',
      postedDate: '2025-06-14T16:00:00Z',
      sku: 'SKU-MFN-01',
      principal: -5,
      fulfillmentNetwork: 'MFN',
    });
    const { text, rows, refunds, skipped } = transactionsAsSettlementText([page(refund), page(mfn)], (sku) =>
      sku.startsWith('SKU-CAP'),
    );
    expect(skipped).toEqual([]);
    expect([rows, refunds]).toEqual([4, 2]);
    const [principal, commission, refundCommission, other] = rowsOf(text);
    expect(principal).toMatchObject({
      'settlement-id': PROVISIONAL_SETTLEMENT_ID,
      'transaction-type': 'Refund',
      'order-id': '111-0000009-0000009',
      'amount-type': 'ItemPrice',
      'amount-description': 'Principal',
      amount: '-39.98',
      currency: 'USD',
      'fulfillment-id': 'AFN',
      'posted-date-time': '2025-06-14T15:00:00.000Z',
      'merchant-adjustment-item-id': '90000000000009',
      sku: 'SKU-CAP-04',
      'quantity-purchased': '2',
    });
    expect(commission).toMatchObject({ 'amount-type': 'ItemFees', 'amount-description': 'Commission', amount: '5.4' });
    expect(refundCommission).toMatchObject({ 'amount-description': 'RefundCommission', amount: '-1.08' });
    expect(other).toMatchObject({ sku: 'SKU-MFN-01', 'fulfillment-id': 'MFN', 'quantity-purchased': '1' });
  });

  it("keeps sales as Order rows with their fees (the order's price less its fees), and other transactions out", () => {
    const sale = saleTransaction({
      orderId: '111-0000011-0000011',
      postedDate: '2025-06-10T10:00:00Z',
      sku: 'SKU-CAP-04',
      principal: 19.99,
      fees: { Commission: -3, FBAPerUnitFulfillmentFee: -4.25 },
      fulfillmentNetwork: 'AFN',
    });
    const serviceFee = { transactionType: 'ServiceFee', postedDate: '2025-06-10T00:00:00Z', items: [] };
    const { text, refunds } = transactionsAsSettlementText([page(sale, serviceFee)], () => false);
    expect(refunds).toBe(0);
    expect(
      rowsOf(text).map((row) => [row['transaction-type'], row['amount-type'], row['amount-description'], row.amount]),
    ).toEqual([
      ['Order', 'ItemPrice', 'Principal', '19.99'],
      ['Order', 'ItemFees', 'Commission', '-3'],
      ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '-4.25'],
    ]);
  });

  it('counts a deferred refund once: its release (naming DEFERRED_TRANSACTION_ID) is left out', () => {
    const input = { orderId: '026-4940553', postedDate: '2025-06-01T18:06:53Z', sku: 'SKU-A', principal: -8.49 };
    const deferred = refundTransaction({ ...input, status: 'DEFERRED_RELEASED' });
    const release = refundTransaction({
      ...input,
      postedDate: '2025-06-09T13:51:10Z',
      related: { DEFERRED_TRANSACTION_ID: deferred.transactionId as string },
    });
    const { rows, refunds } = transactionsAsSettlementText([page(deferred, release)], () => true);
    expect([rows, refunds]).toEqual([1, 1]);
  });

  it('reads live answers with nulls, and skips what cannot become a row, saying why', () => {
    const nulls = {
      transactionType: 'Refund',
      postedDate: '2025-06-14T15:00:00Z',
      relatedIdentifiers: [{ relatedIdentifierName: 'ORDER_ID', relatedIdentifierValue: '111-1' }],
      marketplaceDetails: null,
      items: [
        {
          breakdowns: [
            {
              breakdownType: 'ProductCharges',
              breakdownAmount: { currencyCode: 'USD', currencyAmount: -10 },
              breakdowns: [
                {
                  breakdownType: 'OurPricePrincipal',
                  breakdownAmount: { currencyCode: 'USD', currencyAmount: -10 },
                  breakdowns: null,
                },
              ],
            },
          ],
          relatedIdentifiers: null,
          contexts: [{ contextType: 'ProductContext', sku: 'SKU-N', quantityShipped: 1, fulfillmentNetwork: null }],
        },
      ],
    };
    const orphan = { transactionType: 'Refund', postedDate: '2025-06-14T15:00:00Z', items: [] };
    const { rows, skipped } = transactionsAsSettlementText([page(nulls, orphan), { payload: null }], () => true);
    expect(rows).toBe(1);
    expect(skipped).toEqual([
      { transaction: 'page 1, transaction 2 (Refund)', reason: 'it names no ORDER_ID or no valid postedDate' },
    ]);
  });
});
