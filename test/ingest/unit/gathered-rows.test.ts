// The COPY text of gathered rows: each row's bytes, then its product id (or \N) and its line end.
import { describe, expect, it } from 'vitest';
import { GatheredRows, MentionMemory } from '../../../src/ingest/gathered-rows.js';

describe('GatheredRows', () => {
  it('writes each row with its product id, \\N for a row without one, in UTF-8', () => {
    const rows = new GatheredRows();
    rows.add('1\tTasse für Kaffee — €12,99\t', 'MUG', 2, undefined);
    rows.add('1\t漢字 😀\t', 'CUP', 3, { sku: 'CUP' });
    rows.add('1\tno product\t', undefined, 4, undefined);
    rows.add('1\tunknown sku\t', 'GONE', 5, undefined);
    const text = rows.copyText(
      new Map([
        ['MUG', 0],
        ['CUP', 1_234_567_890],
      ]),
    );
    expect(Buffer.from(text).toString('utf8')).toBe(
      '1\tTasse für Kaffee — €12,99\t0\n1\t漢字 😀\t1234567890\n1\tno product\t\\N\n1\tunknown sku\t\\N\n',
    );
    expect(rows.distinctSkus().sort()).toEqual(['CUP', 'GONE', 'MUG']);
    expect(rows.count).toBe(4);
    expect(rows.lines).toEqual([2, 3, 4, 5]);
    expect(rows.mentions[1]).toEqual({ sku: 'CUP' });
  });

  it('grows past its first megabyte without losing a byte', () => {
    const rows = new GatheredRows();
    const expected: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const text = `${i}\t${'é'.repeat(i % 97)}x\t`;
      rows.add(text, `SKU-${i % 10}`, i + 2, undefined);
      expected.push(`${text}${i % 10}\n`);
    }
    const ids = new Map(Array.from({ length: 10 }, (_, i) => [`SKU-${i}`, i] as const));
    const text = Buffer.from(rows.copyText(ids));
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(text.toString('utf8')).toBe(expected.join(''));
  });

  it('gives the same text when emptied and reused, and never writes over a text taken by another thread', () => {
    const rows = new GatheredRows();
    const ids = new Map([
      ['A', 1],
      ['B', 22],
    ]);
    const gather = (round: number) => {
      const expected: string[] = [];
      for (let i = 0; i < 2_000 + round * 100; i++) {
        const sku = (i + round) % 3 === 0 ? 'A' : 'B';
        const text = `${round}\t${i}\t${'ü'.repeat((i + round) % 13)}\t`;
        rows.add(text, sku, i + 2, { sku, title: `${sku} title ${round}` });
        expected.push(`${text}${ids.get(sku)}\n`);
      }
      return expected.join('');
    };

    const first = gather(0);
    const firstText = rows.copyText(ids);
    expect(Buffer.from(firstText).toString('utf8')).toBe(first);
    rows.clear();
    expect(rows.count).toBe(0);
    expect(rows.changes).toEqual([]);
    expect(rows.distinctSkus()).toEqual([]);

    const second = gather(1);
    expect(rows.count).toBe(2_100);
    expect(rows.changes.map((mention) => mention.title)).toEqual(['B title 1', 'A title 1']);
    const secondText = rows.copyText(ids);
    expect(Buffer.from(secondText).toString('utf8')).toBe(second);
    // The first text's memory was reused.
    expect(secondText.buffer).toBe(firstText.buffer);

    // Handed over to another thread (as the embedded database's COPY does), its memory is not written again.
    structuredClone(secondText.buffer, { transfer: [secondText.buffer] });
    expect(secondText.byteLength).toBe(0);
    rows.clear();
    const third = gather(2);
    const thirdText = rows.copyText(ids);
    expect(thirdText.buffer).not.toBe(secondText.buffer);
    expect(Buffer.from(thirdText).toString('utf8')).toBe(third);
  });

  it("shares one mention per product from one COPY to the next while its rows say the same, and tells each COPY's once", () => {
    const memory = new MentionMemory();
    const first = new GatheredRows(memory);
    const second = new GatheredRows(memory);
    const lamp = () => ({ sku: 'LAMP', fnsku: 'X00L', title: 'Desk lamp, brass' });
    first.add('1\t', 'LAMP', 2, lamp());
    first.add('2\t', 'LAMP', 3, lamp());
    first.add('3\t', 'MUG', 4, { sku: 'MUG', title: 'Mug' });
    second.add('4\t', 'LAMP', 5, lamp());
    second.add('5\t', 'LAMP', 6, { ...lamp(), title: 'Desk lamp, copper' });
    second.add('6\t', 'LAMP', 7, lamp());

    expect(first.mentions[1]).toBe(first.mentions[0]);
    // The second COPY's first lamp row says what the first COPY's said: the same object, told once in each COPY.
    expect(second.mentions[0]).toBe(first.mentions[0]);
    expect(first.changes).toEqual([lamp(), { sku: 'MUG', title: 'Mug' }]);
    expect(second.changes.map((mention) => mention.title)).toEqual([
      'Desk lamp, brass',
      'Desk lamp, copper',
      'Desk lamp, brass',
    ]);
    expect(second.changes[0]).toBe(first.changes[0]);
    // The title changed and came back: a mention of its own, not the first one again.
    expect(second.changes[2]).not.toBe(first.changes[0]);
    expect(first.distinctSkus()).toEqual(['LAMP', 'MUG']);
    expect(second.distinctSkus()).toEqual(['LAMP']);

    // Emptied for its next COPY, the first tells the mentions its rows name again.
    first.clear();
    first.add('7\t', 'MUG', 8, { sku: 'MUG', title: 'Mug' });
    expect(first.changes.map((mention) => mention.title)).toEqual(['Mug']);
    expect(first.distinctSkus()).toEqual(['MUG']);
  });
});
