import {
  blocksOfFixedWidthIds,
  blocksOfIds,
  PseudonymCollisionError,
  pseudonymiseUnits,
  sortPseudonyms,
} from './pseudonymise';
import { encodeUnits, pseudonymList } from './StatisticsExtract';
import { pseudonymOf } from '../../test/support/pseudonymOf';

const key = Buffer.alloc(32, 9);
const otherKey = Buffer.alloc(32, 10);

function pseudonymise(ids: string[], tableKey = key) {
  const extract = pseudonymiseUnits(
    blocksOfIds(ids.join('\x1f'), '\x1f', ids.length),
    ids.length,
    tableKey,
  );
  return {
    ...extract,
    list: pseudonymList({
      mode: 'units',
      units: extract.units,
      flags: {},
      categories: {},
      numbers: {},
    }),
  };
}

describe("an agency's pseudonyms", () => {
  const ids = ['48507120002', '39001010011', '', 'EE-1234567890123', 'ÄÖ123', '50012319999'];

  it('are each ID under the table key, sorted, with the order of the IDs they came from', () => {
    const { list, order } = pseudonymise(ids);
    expect(list).toEqual([...list].sort());
    expect(list).toEqual(Array.from(order, (at) => pseudonymOf(ids[at]!, key)));
    expect(new Set(order).size).toBe(ids.length);
  });

  it('are unrelated under another key, and carry no ID', () => {
    const { list, units } = pseudonymise(ids);
    const other = new Set(pseudonymise(ids, otherKey).list);
    expect(list.filter((unit) => other.has(unit))).toEqual([]);
    for (const id of ids.filter(Boolean)) expect(units).not.toContain(id);
  });

  it('tell apart IDs that differ only in trailing spaces or in length', () => {
    const { list } = pseudonymise(['A', 'A ', 'A  ', 'A'.padEnd(15, ' '), 'A'.padEnd(16, ' ')]);
    expect(new Set(list).size).toBe(5);
  });

  it('refuse a table where two units drew one pseudonym, rather than count them as one', () => {
    expect(() => pseudonymise(['48507120002', '39001010011', '48507120002'])).toThrow(
      PseudonymCollisionError,
    );
  });

  it('refuse a list whose IDs are not one per unit', () => {
    expect(() => blocksOfIds('a\x1fb', '\x1f', 3)).toThrow('one per unit');
    expect(() => blocksOfIds('a\x1fb\x1fc', '\x1f', 2)).toThrow('more national IDs');
    expect(() => pseudonymiseUnits(blocksOfIds('a', '\x1f', 1), 1, Buffer.alloc(16))).toThrow(
      '32 bytes',
    );
  });

  it('of an empty relation are an empty list', () => {
    const { units, order } = pseudonymiseUnits(blocksOfIds('', '\x1f', 0), 0, key);
    expect(units).toBe(encodeUnits([]));
    expect(order).toHaveLength(0);
  });
});

describe('blocks of IDs of one width', () => {
  it('are the blocks the general path gives for the same IDs', () => {
    const ids = ['48507120002', '39001010011', '50012319999'];
    const fixed = blocksOfFixedWidthIds(Buffer.from(ids.join(''), 'latin1'), 11, ids.length);
    expect(fixed.blocks.equals(blocksOfIds(ids.join('\x1f'), '\x1f', ids.length).blocks)).toBe(
      true,
    );
    expect(fixed.long).toEqual([]);
  });

  it('refuse IDs that are not one per unit, or too long for a block', () => {
    expect(() => blocksOfFixedWidthIds(Buffer.from('4850712000239001'), 11, 2)).toThrow(
      'one per unit',
    );
    expect(() => blocksOfFixedWidthIds(Buffer.alloc(32), 16, 2)).toThrow('do not fit');
  });
});

describe('sorting pseudonyms', () => {
  const lcg = (seed: number) => {
    let state = seed;
    return () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  };
  const value = (high: Uint32Array, low: Uint32Array, i: number) =>
    BigInt(high[i]!) * 2n ** 32n + BigInt(low[i]!);

  function expectSorted(high: Uint32Array, low: Uint32Array) {
    const sorted = sortPseudonyms(high, low);
    const expected = Array.from(high, (_, i) => value(high, low, i)).sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    expect(Array.from(sorted.high, (_, k) => value(sorted.high, sorted.low, k))).toEqual(expected);
    // Each sorted pseudonym comes with the position it had.
    expect(Array.from(sorted.order, (at) => value(high, low, at))).toEqual(expected);
    expect(new Set(sorted.order).size).toBe(high.length);
  }

  it('orders uniform pseudonyms as a full 64-bit sort would', () => {
    const next = lcg(7);
    const count = 40_000;
    expectSorted(
      Uint32Array.from({ length: count }, () => (next() * 2 + (next() & 1)) >>> 0),
      Uint32Array.from({ length: count }, () => (next() * 2 + (next() & 1)) >>> 0),
    );
  });

  it('orders lists that crowd one bucket, where the low words decide', () => {
    const next = lcg(11);
    const count = 5000;
    // Few distinct high words: a few buckets hold everything and are sorted by comparison.
    expectSorted(
      Uint32Array.from({ length: count }, () => next() % 3),
      Uint32Array.from({ length: count }, () => (next() % 4) * 2 ** 20 + (next() % 4096)),
    );
  });

  it('orders empty and one-unit lists', () => {
    expectSorted(new Uint32Array(0), new Uint32Array(0));
    expectSorted(Uint32Array.of(2 ** 32 - 1), Uint32Array.of(5));
  });
});
