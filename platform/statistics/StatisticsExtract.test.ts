import {
  categoryAt,
  categoryCount,
  categoryNumbers,
  decodeUnits,
  encodeUnits,
  packCategories,
  packGroupedCategories,
  packNumbers,
  pseudonymList,
  rowsInOther,
  unitCount,
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

/** A random 64-bit pseudonym. */
function randomPseudonym(random: () => number): bigint {
  const word = () => BigInt(Math.floor(random() * 2 ** 32));
  return (word() << 32n) | word();
}

function unitsOf(pseudonyms: readonly bigint[]): UnitsExtract {
  return { mode: 'units', units: encodeUnits(pseudonyms), flags: {}, categories: {}, numbers: {} };
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

  it("of grouped units follow the units' order, each unit its group's category", () => {
    const categories = ['Tartu', null, 'Tallinn'];
    const groupOf = Uint32Array.from([0, 0, 1, 2, 2, 2]);
    const order = Uint32Array.from([5, 0, 2, 3, 1, 4]);
    const packed = packGroupedCategories(categories, groupOf, order);
    expect(Array.from(order, (_, k) => categoryAt(packed, k))).toEqual(
      Array.from(order, (unit) => categories[groupOf[unit]!]),
    );
    expect(Array.from(categoryNumbers(packed))).toEqual(
      Array.from(order, (_, k) => packed.codes.indexOf(categoryAt(packed, k) ?? '') + 1),
    );
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

describe('the units of an extract', () => {
  const [a, b, c] = [1n, 2n, (5n << 32n) | 1n];

  it('are read back as the numbers sent, in their order', () => {
    const extract = unitsOf([a, b, c, 2n ** 64n - 1n]);
    expect(unitCount(extract)).toBe(4);
    expect(pseudonymList(extract)).toEqual([
      '0000000000000001',
      '0000000000000002',
      '0000000500000001',
      'ffffffffffffffff',
    ]);
  });

  it('are checked: out of order, repeated, cut or not base64, they are refused', () => {
    expect(() => decodeUnits(encodeUnits([a, b, c]), 'tax')).not.toThrow();
    expect(() => decodeUnits(encodeUnits([b, a]), 'tax')).toThrow('ascending order');
    expect(() => decodeUnits(encodeUnits([c, b]), 'tax')).toThrow('ascending order');
    expect(() => decodeUnits(encodeUnits([a, a]), 'tax')).toThrow('ascending order');
    const whole = encodeUnits([a, b, c]);
    expect(() => decodeUnits(whole.slice(0, -4), 'tax')).toThrow('whole pseudonyms');
    expect(() => decodeUnits(`${whole.slice(0, 5)}!${whole.slice(6)}`, 'tax')).toThrow(
      'whole pseudonyms',
    );
    expect(decodeUnits('', 'tax').count).toBe(0);
  });

  it('let one merge find each unit of one list in another, as an index would', () => {
    const random = seeded(42);
    const all = [...new Set(Array.from({ length: 3000 }, () => randomPseudonym(random)))].sort(
      (x, y) => (x < y ? -1 : x > y ? 1 : 0),
    );
    const owner = all.filter(() => random() < 0.6);
    const other = all.filter(() => random() < 0.5);
    const rowOf = new Map(other.map((unit, row) => [unit, row]));
    const rows = rowsInOther(
      decodeUnits(unitsOf(owner).units, 'owner'),
      decodeUnits(unitsOf(other).units, 'other'),
    );
    expect(Array.from(rows)).toEqual(owner.map((unit) => rowOf.get(unit) ?? -1));
    expect(rows.filter((row) => row >= 0).length).toBeGreaterThan(100);
  });
});
