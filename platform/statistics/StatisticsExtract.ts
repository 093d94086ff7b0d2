import { PSEUDONYM_LENGTH } from './pseudonymKey';

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
 * fixed width in one string and in ascending order of their characters (so that the parts of a
 * table join by one merge, without an index of a million keys), with a flag string ('0'/'1' per
 * unit) for each population of the spec it owns and the values of the variables it owns, in the
 * units' order: categories packed, numbers as one comma-separated list ('' for a unit without one).
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

export type StatisticsExtract = UnitsExtract | CellsExtract | EmptyExtract | RefusedExtract;

export function unitCount(extract: UnitsExtract): number {
  return extract.units.length / PSEUDONYM_LENGTH;
}

export function unitAt(extract: UnitsExtract, index: number): string {
  return extract.units.slice(index * PSEUDONYM_LENGTH, (index + 1) * PSEUDONYM_LENGTH);
}

/** Orders the pseudonyms at two positions (of fixed width) by their characters' codes. */
function compareUnits(a: string, i: number, b: string, j: number): number {
  for (let c = 0; c < PSEUDONYM_LENGTH; c++) {
    const diff = a.charCodeAt(i + c) - b.charCodeAt(j + c);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Refuses a unit list that is not whole pseudonyms in strictly ascending order: a join over it
 * would count wrongly, so nothing is computed from it.
 */
export function assertUnitsAscending(units: string, agency: string): void {
  if (units.length % PSEUDONYM_LENGTH !== 0)
    throw new Error(`${agency}'s units are not whole pseudonyms`);
  for (let at = PSEUDONYM_LENGTH; at < units.length; at += PSEUDONYM_LENGTH)
    if (compareUnits(units, at - PSEUDONYM_LENGTH, units, at) >= 0)
      throw new Error(`${agency}'s units are not in ascending order of pseudonym`);
}

/**
 * For each unit of `owner`, its row in `other` (-1: none), by one merge of the two ascending
 * lists.
 */
export function rowsInOther(owner: UnitsExtract, other: UnitsExtract): Int32Array {
  const a = owner.units;
  const b = other.units;
  const rows = new Int32Array(a.length / PSEUDONYM_LENGTH).fill(-1);
  let j = 0;
  for (let i = 0; i < rows.length; i++) {
    const at = i * PSEUDONYM_LENGTH;
    while (j < b.length && compareUnits(b, j, a, at) < 0) j += PSEUDONYM_LENGTH;
    if (j < b.length && compareUnits(b, j, a, at) === 0) rows[i] = j / PSEUDONYM_LENGTH;
  }
  return rows;
}

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
  let width = 1;
  while (64 ** width <= codes.length) width++;
  const digits = Buffer.allocUnsafe(values.length * width);
  for (let i = 0; i < numbers.length; i++) {
    let n = numbers[i]!;
    for (let d = width - 1; d >= 0; d--) {
      digits[i * width + d] = DIGIT_CODES[n % 64]!;
      n = Math.floor(n / 64);
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
