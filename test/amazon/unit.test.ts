// The pure parts of the Selling Partner API sync: windows, polling, token buckets, Retry-After, charsets, sealing,
// and Finances refunds as settlement rows read by the settlement format.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { charsetOf, retryAfterMs, SpApiError } from '../../src/amazon/client.js';
import { TokenBucket } from '../../src/amazon/rate-limits.js';
import { SealError, seal, unseal } from '../../src/amazon/sealed.js';
import { PROVISIONAL_SETTLEMENT_ID, refundsAsSettlementText } from '../../src/domain/sync/financial-events.js';
import { pollDelayMs, windowOf } from '../../src/domain/sync/windows.js';

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

describe('Finances refunds as provisional settlement rows', () => {
  const page = {
    payload: {
      FinancialEvents: {
        RefundEventList: [
          {
            AmazonOrderId: '111-0000009-0000009',
            PostedDate: '2025-06-14T15:00:00Z',
            MarketplaceName: 'Amazon.com',
            ShipmentItemAdjustmentList: [
              {
                SellerSKU: 'SKU-CAP-04',
                QuantityShipped: 2,
                ItemChargeAdjustmentList: [
                  { ChargeType: 'Principal', ChargeAmount: { CurrencyCode: 'USD', CurrencyAmount: -39.98 } },
                  { ChargeType: 'Tax', ChargeAmount: { CurrencyCode: 'USD', CurrencyAmount: -3.2 } },
                ],
              },
              {
                SellerSKU: 'SKU-MFN-01',
                ItemChargeAdjustmentList: [
                  { ChargeType: 'Principal', ChargeAmount: { CurrencyCode: 'USD', CurrencyAmount: -5 } },
                ],
              },
            ],
          },
        ],
      },
    },
  };

  it('gives one Refund / ItemPrice / Principal row per refunded item, AFN when the SKU is fulfilled by Amazon', () => {
    const { text, rows, problems } = refundsAsSettlementText([page], (sku) => sku === 'SKU-CAP-04');
    expect(problems).toEqual([]);
    expect(rows).toBe(2);
    const [header, first, second] = text
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'));
    const row = (values: string[] | undefined) => Object.fromEntries(header!.map((name, i) => [name, values![i]]));
    expect(row(first)).toMatchObject({
      'settlement-id': PROVISIONAL_SETTLEMENT_ID,
      'transaction-type': 'Refund',
      'order-id': '111-0000009-0000009',
      'amount-type': 'ItemPrice',
      'amount-description': 'Principal',
      amount: '-39.98',
      currency: 'USD',
      'fulfillment-id': 'AFN',
      'posted-date-time': '2025-06-14T15:00:00.000Z',
      sku: 'SKU-CAP-04',
      'quantity-purchased': '2',
    });
    expect(row(second)).toMatchObject({ sku: 'SKU-MFN-01', 'fulfillment-id': 'MFN', 'quantity-purchased': '' });
  });

  it('names the event it cannot read', () => {
    const broken = { payload: { FinancialEvents: { RefundEventList: [{ AmazonOrderId: '1', PostedDate: 'never' }] } } };
    expect(refundsAsSettlementText([page, broken], () => true).problems).toEqual([
      { path: '[1].RefundEventList[0]', message: 'a refund event needs AmazonOrderId and a PostedDate' },
    ]);
  });
});
