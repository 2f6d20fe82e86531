// PostgreSQL COPY text, and the key that makes a row the same row in two imports (docs/reports.md, "Idempotency": the same
// rows imported twice count once; docs/rules.md section 2: a reimbursement line's identity).
import { describe, expect, it } from 'vitest';
import { copyFields, copyValue } from '../../../src/db/copy-text.js';
import { identityKey, OccurrenceCounter } from '../../../src/ingest/row-key.js';

describe('copyValue: COPY text escaping', () => {
  it('escapes backslash, tab, newline and carriage return', () => {
    expect(copyValue('a\\b')).toBe('a\\\\b');
    expect(copyValue('a\tb')).toBe('a\\tb');
    expect(copyValue('a\nb')).toBe('a\\nb');
    expect(copyValue('a\rb')).toBe('a\\rb');
    expect(copyValue('\\\t\n\r\\')).toBe('\\\\\\t\\n\\r\\\\');
  });

  it('leaves ordinary text alone', () => {
    expect(copyValue('Mug "Big" 350ml, €12,99 — Tasse für Kaffee')).toBe('Mug "Big" 350ml, €12,99 — Tasse für Kaffee');
    expect(copyValue('')).toBe('');
  });

  it('writes null and undefined as \\N, and an empty string apart from them', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(undefined)).toBe('\\N');
    expect(copyValue('')).not.toBe(copyValue(null));
    expect(copyValue('\\N')).toBe('\\\\N');
  });

  it('writes a Date as its ISO instant in UTC', () => {
    expect(copyValue(new Date('2025-03-01T10:00:00-0700'))).toBe('2025-03-01T17:00:00.000Z');
  });

  it('writes numbers and booleans as text', () => {
    expect(copyValue(-3)).toBe('-3');
    expect(copyValue(0)).toBe('0');
    expect(copyValue(true)).toBe('true');
  });

  it('joins the fields of a row with tabs', () => {
    expect(copyFields(['a\tb', null, 3, new Date('2025-04-01T08:00:00Z'), ''])).toBe(
      'a\\tb\t\\N\t3\t2025-04-01T08:00:00.000Z\t',
    );
  });
});

describe('identityKey: the same identity gives the same key, another identity another key', () => {
  const identity = ['5000001', 'SKU-MUG-01', 'lostwarehouse', 1, '12.99', '2025-05-15T08:00:00.000Z'];

  it('is 32 hex digits (written as a UUID)', () => {
    const key = identityKey(identity);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(key.replaceAll('-', '')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is stable', () => {
    expect(identityKey(identity)).toBe(identityKey([...identity]));
    expect(identityKey(['a', 1, undefined])).toBe(identityKey(['a', 1, undefined]));
  });

  it('differs for different identities', () => {
    const keys = new Set([
      identityKey(identity),
      identityKey(['5000001', 'SKU-MUG-01', 'lostwarehouse', -1, '12.99', '2025-05-15T08:00:00.000Z']),
      identityKey(['5000001', 'SKU-MUG-01', 'lostwarehouse', 1, '12.98', '2025-05-15T08:00:00.000Z']),
      identityKey(['5000002', 'SKU-MUG-01', 'lostwarehouse', 1, '12.99', '2025-05-15T08:00:00.000Z']),
      identityKey([]),
    ]);
    expect(keys.size).toBe(5);
  });

  it('does not mix up fields that join to the same text', () => {
    expect(identityKey(['ab', 'c'])).not.toBe(identityKey(['a', 'bc']));
    expect(identityKey(['a', 'b'])).not.toBe(identityKey(['a\tb']));
  });

  it('tells undefined and null from the empty string', () => {
    expect(identityKey(['a', undefined])).not.toBe(identityKey(['a', '']));
    expect(identityKey(['a', null])).not.toBe(identityKey(['a', '']));
    expect(identityKey([undefined])).not.toBe(identityKey(['']));
  });

  it('tells a missing trailing field from none', () => {
    expect(identityKey(['a', undefined])).not.toBe(identityKey(['a']));
  });
});

describe('identityKey with a day: the day leads the key, so that the rows of a file are stored near each other', () => {
  const identity = ['2025-05-15', 'SKU-MUG-01', 'Adjustments', -1];

  it('begins with the days since 1970-01-01 in 16 bits, the rest being the hash of its identity', () => {
    const plain = identityKey(identity);
    const dated = identityKey(identity, '2025-05-15');
    // 2025-05-15 is day 20,223 of the epoch: 4eff.
    expect(dated.slice(0, 4)).toBe('4eff');
    expect(dated.slice(4)).toBe(plain.slice(4));
    expect(identityKey(identity, '1970-01-01').slice(0, 4)).toBe('0000');
  });

  it('keeps keys of days in the order of the days', () => {
    const days = ['2024-12-31', '2025-01-01', '2025-02-28', '2026-11-30'];
    const prefixes = days.map((day) => identityKey(['same'], day).slice(0, 4));
    expect([...prefixes].sort()).toEqual(prefixes);
  });

  it('still tells two rows of one day apart', () => {
    expect(identityKey(['a'], '2025-05-15')).not.toBe(identityKey(['b'], '2025-05-15'));
  });
});

describe('OccurrenceCounter: numbers the repeats of one identity within a file', () => {
  it('counts 1, 2, 3 for repeats of one key', () => {
    const counter = new OccurrenceCounter();
    const key = identityKey(['a']);
    expect([counter.next(key), counter.next(key), counter.next(key)]).toEqual([1, 2, 3]);
  });

  it('keeps distinct keys at 1, and counts each key on its own', () => {
    const counter = new OccurrenceCounter();
    const [a, b, c] = [identityKey(['a']), identityKey(['b']), identityKey(['c'])];
    expect([
      counter.next(a),
      counter.next(b),
      counter.next(a),
      counter.next(c),
      counter.next(b),
      counter.next(a),
    ]).toEqual([1, 1, 2, 1, 2, 3]);
  });

  it('numbers the rows of a re-read file the same way with a new counter', () => {
    const keys = ['x', 'y', 'x', 'x', 'z', 'y'].map((value) => identityKey([value]));
    const first = new OccurrenceCounter();
    const second = new OccurrenceCounter();
    expect(keys.map((key) => first.next(key))).toEqual(keys.map((key) => second.next(key)));
  });

  it('keeps 200,000 distinct keys at 1 and counts their repeats (the table grows)', () => {
    const counter = new OccurrenceCounter();
    const keys = Array.from({ length: 200_000 }, (_, index) => identityKey(['row', index]));
    let firsts = 0;
    for (const key of keys) if (counter.next(key) === 1) firsts++;
    expect(firsts).toBe(200_000);
    expect(counter.next(keys[0]!)).toBe(2);
    expect(counter.next(keys[123_456]!)).toBe(2);
    expect(counter.next(keys[199_999]!)).toBe(2);
    expect(counter.next(keys[0]!)).toBe(3);
  });
});
