import { createCipheriv, createHmac } from 'node:crypto';
import {
  blocksOfIds,
  PseudonymCollisionError,
  pseudonymiseUnits,
  sortByWords,
} from './pseudonymise';
import { encodeUnits, pseudonymList } from './StatisticsExtract';

const key = Buffer.alloc(32, 9);
const otherKey = Buffer.alloc(32, 10);

/** One ID's pseudonym, computed on its own as the module documents it. */
function pseudonymOf(id: string, tableKey: Buffer): bigint {
  const bytes = Buffer.from(id, 'utf8');
  let sealed: Buffer;
  if (bytes.length <= 15) {
    const block = Buffer.alloc(16, ' ');
    bytes.copy(block);
    block[15] = 64 + bytes.length;
    const cipher = createCipheriv('aes-128-ecb', tableKey.subarray(0, 16), null);
    cipher.setAutoPadding(false);
    sealed = cipher.update(block);
  } else {
    sealed = createHmac('sha256', tableKey.subarray(16)).update(bytes).digest();
  }
  return (BigInt(sealed.readUInt32LE(0)) << 32n) | BigInt(sealed.readUInt32LE(4));
}

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

const hex = (value: bigint) => value.toString(16).padStart(16, '0');

describe("an agency's pseudonyms", () => {
  const ids = ['48507120002', '39001010011', '', 'EE-1234567890123', 'ÄÖ123', '50012319999'];

  it('are each ID under the table key, sorted, with the order of the IDs they came from', () => {
    const { list, order } = pseudonymise(ids);
    expect(list).toEqual([...list].sort());
    expect(list).toEqual(Array.from(order, (at) => hex(pseudonymOf(ids[at]!, key))));
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

describe('sorting by two words', () => {
  it('orders as a full 64-bit sort would, also where the low bits decide', () => {
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
    const count = 5000;
    // Few distinct high words and low words that differ only in their lowest bits, so that
    // the keys tie on the bits the sort keeps and the tie pass must order them.
    const high = Uint32Array.from({ length: count }, () => next() % 3);
    const low = Uint32Array.from({ length: count }, () => (next() % 4) * 2 ** 20 + (next() % 4096));
    const order = sortByWords(high, low);
    const value = (i: number) => BigInt(high[i]!) * 2n ** 32n + BigInt(low[i]!);
    const expected = Array.from({ length: count }, (_, i) => i).sort((a, b) =>
      value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0,
    );
    expect(Array.from(order, value)).toEqual(expected.map(value));
    expect(new Set(order).size).toBe(count);
  });
});
