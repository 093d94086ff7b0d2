import { PSEUDONYM_LENGTH } from './pseudonymKey';
import {
  assertUnitsAscending,
  categoryAt,
  categoryCount,
  packCategories,
  packNumbers,
  rowsInOther,
  type UnitsExtract,
  unpackNumbers,
} from './StatisticsExtract';

/** A deterministic stream of numbers in [0, 1), so that failures repeat. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function randomPseudonym(random: () => number): string {
  let text = '';
  for (let i = 0; i < PSEUDONYM_LENGTH; i++) text += ALPHABET[Math.floor(random() * 64)];
  return text;
}

function unitsOf(pseudonyms: readonly string[]): UnitsExtract {
  return { mode: 'units', units: pseudonyms.join(''), flags: {}, categories: {}, numbers: {} };
}

describe('packed categories', () => {
  it('give back each unit its category, and none where it had none', () => {
    const values = ['Tallinn', null, 'Tartu', 'Tallinn', '', null];
    const packed = packCategories(values);
    expect(packed.width).toBe(1);
    expect(categoryCount(packed)).toBe(values.length);
    expect(values.map((_, row) => categoryAt(packed, row))).toEqual(values);
  });

  it('widen to two digits past 63 categories, still exact', () => {
    const values = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? null : `c${i % 200}`));
    const packed = packCategories(values);
    expect(packed.codes).toHaveLength(new Set(values.filter((v) => v !== null)).size);
    expect(packed.codes.length).toBeGreaterThan(63);
    expect(packed.width).toBe(2);
    expect(values.map((_, row) => categoryAt(packed, row))).toEqual(values);
    // The packed list is plain text that JSON carries without escapes.
    expect(JSON.stringify(packed.index)).toBe(`"${packed.index}"`);
  });

  it('refuse a digit that names no category', () => {
    const packed = { ...packCategories(['a', 'b']), index: '3' };
    expect(() => categoryAt(packed, 0)).toThrow('names no category');
    expect(() => categoryAt({ ...packed, index: '!' }, 0)).toThrow('not a digit');
  });
});

describe('number lists', () => {
  it('keep every unit’s value, NaN where it had none', () => {
    const values = [1.5, null, 0, 1e-7, 123456.789];
    const unpacked = Array.from(unpackNumbers(packNumbers(values), values.length));
    expect(unpacked.map((v) => (Number.isNaN(v) ? null : v))).toEqual(values);
    expect(unpackNumbers('', 0)).toHaveLength(0);
  });

  it('refuse a list of another length than the units', () => {
    expect(() => unpackNumbers('1,2', 3)).toThrow('one item per unit');
  });
});

describe('the order of units', () => {
  it('is checked: out of order, repeated or cut units are refused', () => {
    const [a, b] = ['AAAAAAAAAAA', 'AAAAAAAAAAB'];
    expect(() => assertUnitsAscending(a + b, 'tax')).not.toThrow();
    expect(() => assertUnitsAscending(b + a, 'tax')).toThrow('ascending order');
    expect(() => assertUnitsAscending(a + a, 'tax')).toThrow('ascending order');
    expect(() => assertUnitsAscending(a + 'AB', 'tax')).toThrow('whole pseudonyms');
  });

  it('lets one merge find each unit of one list in another, as an index would', () => {
    const random = seeded(42);
    const all = [...new Set(Array.from({ length: 3000 }, () => randomPseudonym(random)))].sort();
    const owner = all.filter(() => random() < 0.6);
    const other = all.filter(() => random() < 0.5);
    const rowOf = new Map(other.map((unit, row) => [unit, row]));
    const rows = rowsInOther(unitsOf(owner), unitsOf(other));
    expect(Array.from(rows)).toEqual(owner.map((unit) => rowOf.get(unit) ?? -1));
    expect(rows.filter((row) => row >= 0).length).toBeGreaterThan(100);
  });
});
