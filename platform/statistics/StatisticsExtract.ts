/**
 * A dimension's values per unit, packed: the categories found, and each unit's category as
 * `width` characters of CATEGORY_DIGITS (a number in base 64, most significant first): 0 for
 * none, n for `codes[n - 1]`.
 */
export interface PackedCategories {
  codes: string[];
  width: number;
  index: string;
}

/**
 * What an agency contributes to a cross-agency table: its units under this query's pseudonyms,
 * in ascending order (so that the parts of a table join by one merge, without an index of a
 * million keys), with a flag string ('0'/'1' per unit) for each population of the spec it owns
 * and the values of the variables it owns, in the units' order: categories packed, numbers as
 * one comma-separated list ('' for a unit without one). `units` is base64 of the pseudonyms, 8
 * bytes each, every one a 64-bit number in little-endian order.
 */
export interface UnitsExtract {
  mode: 'units';
  units: string;
  flags: Record<string, string>;
  categories: Record<string, PackedCategories>;
  numbers: Record<string, string>;
}

/** One cell as its owner computed it: units per population, and for the measure, sum and largest contribution. */
export interface ExtractCell {
  key: string[];
  counts: Record<string, number>;
  sum: number;
  max: number;
  /** Units with a value of the measure. */
  measured: number;
}

/** What the one agency holding every variable returns: cells, never units. */
export interface CellsExtract {
  mode: 'cells';
  cells: ExtractCell[];
}

/** An agency holding nothing the spec asks for. */
export interface EmptyExtract {
  mode: 'none';
}

/** An agency that does not release its part to this caller, and why (the missing grants). */
export interface RefusedExtract {
  mode: 'refused';
  reason: string;
}

/** An agency computing as many tables as it takes at once: asked again later, it may answer. */
export interface BusyExtract {
  mode: 'busy';
  reason: string;
}

export type StatisticsExtract =
  UnitsExtract | CellsExtract | EmptyExtract | RefusedExtract | BusyExtract;

/** Bytes of a pseudonym in `units`. */
export const PSEUDONYM_BYTES = 8;

/** Units of an extract, from the length of its base64 list. */
export function unitCount(extract: UnitsExtract): number {
  const { units } = extract;
  const padding = units.endsWith('==') ? 2 : units.endsWith('=') ? 1 : 0;
  return Math.floor(((units.length / 4) * 3 - padding) / PSEUDONYM_BYTES);
}

/** An extract's pseudonyms as 16 hexadecimal digits each, for tests and diagnostics. */
export function pseudonymList(extract: UnitsExtract): string[] {
  const { words, count } = decodeUnits(extract.units, 'extract');
  return Array.from({ length: count }, (_, i) =>
    ((BigInt(words[2 * i + 1]!) << 32n) | BigInt(words[2 * i]!)).toString(16).padStart(16, '0'),
  );
}

/** Pseudonyms as an extract carries them, from their 64-bit values (tests and diagnostics). */
export function encodeUnits(values: readonly bigint[]): string {
  const bytes = Buffer.alloc(values.length * PSEUDONYM_BYTES);
  values.forEach((value, i) => bytes.writeBigUInt64LE(value, i * PSEUDONYM_BYTES));
  return bytes.toString('base64');
}

/**
 * An extract's units as numbers: pseudonym i's low 32 bits at `words[2i]`, its high 32 bits at
 * `words[2i + 1]`.
 */
export interface DecodedUnits {
  words: Uint32Array;
  count: number;
}

/**
 * Reads an extract's pseudonyms, refusing a list that is not whole pseudonyms in base64 or not
 * in strictly ascending order: a join over it would count wrongly, so nothing is computed from
 * it. Decoding is one native call; the check, one pass over the numbers.
 */
export function decodeUnits(units: string, agency: string): DecodedUnits {
  const bytes = Buffer.from(units, 'base64');
  // The decoder skips characters outside base64, which shortens what it returns.
  if (bytes.length % PSEUDONYM_BYTES !== 0 || units.length !== 4 * Math.ceil(bytes.length / 3))
    throw new Error(`${agency}'s units are not whole pseudonyms`);
  const count = bytes.length / PSEUDONYM_BYTES;
  const words = new Uint32Array(count * 2);
  if (LITTLE_ENDIAN) {
    Buffer.from(words.buffer).set(bytes);
  } else {
    for (let w = 0; w < words.length; w++) words[w] = bytes.readUInt32LE(w * 4);
  }
  for (let i = 1; i < count; i++) {
    const high = words[2 * i + 1]!;
    const previous = words[2 * i - 1]!;
    if (high < previous || (high === previous && words[2 * i]! <= words[2 * i - 2]!))
      throw new Error(`${agency}'s units are not in ascending order of pseudonym`);
  }
  return { words, count };
}

/**
 * For each unit of `owner`, its row in `other` (-1: none), by one merge of the two ascending
 * lists.
 */
export function rowsInOther(owner: DecodedUnits, other: DecodedUnits): Int32Array {
  const rows = new Int32Array(owner.count).fill(-1);
  const a = owner.words;
  const b = other.words;
  const size = other.count;
  let j = 0;
  for (let i = 0; i < owner.count; i++) {
    const high = a[2 * i + 1]!;
    const low = a[2 * i]!;
    while (j < size && (b[2 * j + 1]! < high || (b[2 * j + 1] === high && b[2 * j]! < low))) j++;
    if (j < size && b[2 * j + 1] === high && b[2 * j] === low) rows[i] = j;
  }
  return rows;
}

export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export const EMPTY_EXTRACT = JSON.stringify({ mode: 'none' } satisfies EmptyExtract);

/** The digits of a packed category, in ascending order; none needs escaping in JSON. */
export const CATEGORY_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

const DIGIT_CODES = Uint8Array.from(CATEGORY_DIGITS, (digit) => digit.charCodeAt(0));
const DIGIT_VALUE = new Int8Array(128).fill(-1);
DIGIT_CODES.forEach((code, value) => (DIGIT_VALUE[code] = value));

/**
 * Packs one category per unit (null: none). Widths grow with the number of categories: one
 * character up to 63 of them, two up to 4,095.
 */
export function packCategories(values: readonly (string | null)[]): PackedCategories {
  const { codes, numbers } = numberCategories(values);
  return packedNumbers(codes, (k) => numbers[k]!, values.length);
}

/**
 * The same for units that come in groups of one category each (null: none): unit k of the
 * result is the unit at `order[k]`, of the group `groupOf[order[k]]`.
 */
export function packGroupedCategories(
  categories: readonly (string | null)[],
  groupOf: Uint32Array,
  order: Uint32Array,
): PackedCategories {
  const { codes, numbers } = numberCategories(categories);
  return packedNumbers(codes, (k) => numbers[groupOf[order[k]!]!]!, order.length);
}

/** The categories found, in order of first appearance, and each value's number (0: none). */
function numberCategories(values: readonly (string | null)[]): {
  codes: string[];
  numbers: Int32Array;
} {
  const codes: string[] = [];
  const numberOf = new Map<string, number>();
  const numbers = new Int32Array(values.length);
  values.forEach((value, i) => {
    if (value === null) return;
    let n = numberOf.get(value);
    if (n === undefined) {
      n = codes.push(value);
      numberOf.set(value, n);
    }
    numbers[i] = n;
  });
  return { codes, numbers };
}

function packedNumbers(
  codes: string[],
  numberAt: (unit: number) => number,
  count: number,
): PackedCategories {
  let width = 1;
  while (64 ** width <= codes.length) width++;
  const digits = Buffer.allocUnsafe(count * width);
  for (let k = 0; k < count; k++) {
    let n = numberAt(k);
    for (let d = width - 1; d >= 0; d--) {
      digits[k * width + d] = DIGIT_CODES[n & 63]!;
      n >>>= 6;
    }
  }
  return { codes, width, index: digits.toString('latin1') };
}

/** The number of the category of the unit at `row`: 0 for none, n for `codes[n - 1]`. */
export function categoryNumberAt(packed: PackedCategories, row: number): number {
  let n = 0;
  const start = row * packed.width;
  for (let d = 0; d < packed.width; d++) {
    const value = DIGIT_VALUE[packed.index.charCodeAt(start + d)] ?? -1;
    if (value < 0) throw new Error('a packed category holds a character that is not a digit');
    n = n * 64 + value;
  }
  if (n > packed.codes.length) throw new Error('a packed category names no category');
  return n;
}

/** Every unit's category number (0: none), read and checked once, for a join's inner loop. */
export function categoryNumbers(packed: PackedCategories): Int32Array {
  const count = categoryCount(packed);
  if (!Number.isInteger(count)) throw new Error('a packed category list is not whole units');
  const numbers = new Int32Array(count);
  for (let row = 0; row < count; row++) numbers[row] = categoryNumberAt(packed, row);
  return numbers;
}

/** The category of the unit at `row`, or null when it has none. */
export function categoryAt(packed: PackedCategories, row: number): string | null {
  const n = categoryNumberAt(packed, row);
  return n === 0 ? null : packed.codes[n - 1]!;
}

/** Units of a packed category list. */
export function categoryCount(packed: PackedCategories): number {
  return packed.index.length / packed.width;
}

/** The numbers of a unit list, NaN where a unit has none. */
export function unpackNumbers(list: string, units: number): Float64Array {
  const values = new Float64Array(units);
  if (units === 0) return values;
  const items = list.split(',');
  if (items.length !== units) throw new Error('a number list does not have one item per unit');
  for (let i = 0; i < units; i++) {
    const item = items[i]!;
    values[i] = item === '' ? NaN : Number(item);
  }
  return values;
}

/** One number per unit, NaN for none, as a unit list. */
export function packNumbers(values: readonly (number | null)[]): string {
  return values
    .map((value) => (value === null || Number.isNaN(value) ? '' : String(value)))
    .join(',');
}
