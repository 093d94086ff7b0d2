import { createCipheriv, createHmac } from 'node:crypto';
import { LITTLE_ENDIAN } from './StatisticsExtract';

/** The bytes of a national ID that fit in its block; a longer one is pseudonymised by HMAC. */
export const BLOCK_ID_BYTES = 15;
const BLOCK = 16;
const PAD = 0x20;
const LENGTH_BASE = 64;

/**
 * A unit's block, the 16 bytes its pseudonym is computed from: its national ID padded with
 * spaces to 15 bytes, then a character for the ID's length ('@' + bytes), which makes the
 * padding unambiguous. `blocksOfFixedWidthIds` builds them from IDs of one width, as a
 * register's IDs usually are; `blocksOfIds` from any IDs.
 */
/** The blocks of a table's units, and the units whose ID is too long for one. */
export interface UnitBlocks {
  blocks: Buffer;
  /** Units whose national ID is longer than BLOCK_ID_BYTES, with the ID's bytes. */
  long: { unit: number; id: Buffer }[];
}

/**
 * The blocks of `count` national IDs of `width` ASCII bytes each, one after another in `ids`
 * (the fast path: the database only concatenates them).
 */
export function blocksOfFixedWidthIds(ids: Buffer, width: number, count: number): UnitBlocks {
  if (!(Number.isInteger(width) && width >= 0 && width <= BLOCK_ID_BYTES))
    throw new Error(`national IDs of ${width} bytes do not fit a block`);
  if (ids.length !== width * count) throw new Error('the national IDs are not one per unit');
  const blocks = Buffer.alloc(count * BLOCK, PAD);
  const length = LENGTH_BASE + width;
  for (let unit = 0, from = 0, to = 0; unit < count; unit++, from += width, to += BLOCK) {
    for (let k = 0; k < width; k++) blocks[to + k] = ids[from + k]!;
    blocks[to + BLOCK_ID_BYTES] = length;
  }
  return { blocks, long: [] };
}

/**
 * The blocks of the national IDs in `ids`, separated by `separator` (one ASCII character no ID
 * holds): the general path, for IDs of mixed widths, long ones or ones not in ASCII.
 */
export function blocksOfIds(ids: string, separator: string, count: number): UnitBlocks {
  const separatorCode = separator.charCodeAt(0);
  if (separator.length !== 1 || separatorCode > 0x7f)
    throw new Error('the national ID separator is one ASCII character');
  const bytes = Buffer.from(ids, 'utf8');
  const blocks = Buffer.alloc(count * BLOCK, PAD);
  const long: UnitBlocks['long'] = [];
  let unit = 0;
  let start = 0;
  for (let at = 0; count > 0 && at <= bytes.length; at++) {
    if (at < bytes.length && bytes[at] !== separatorCode) continue;
    if (unit >= count) throw new Error('more national IDs than units');
    const length = at - start;
    if (length <= BLOCK_ID_BYTES) {
      bytes.copy(blocks, unit * BLOCK, start, at);
      blocks[unit * BLOCK + BLOCK_ID_BYTES] = LENGTH_BASE + length;
    } else {
      long.push({ unit, id: bytes.subarray(start, at) });
    }
    unit++;
    start = at + 1;
  }
  if (unit !== count) throw new Error('the national IDs are not one per unit');
  return { blocks, long };
}

/** A table's units under its pseudonyms, in ascending order of pseudonym. */
export interface PseudonymisedUnits {
  /** Every unit's pseudonym, ascending, as an extract carries them (UnitsExtract). */
  units: string;
  /** For the k-th unit of `units`, its position among the blocks given. */
  order: Uint32Array;
}

/**
 * Pseudonymises an agency's units in its own process, so that no national ID leaves it: a
 * unit's pseudonym is the first 64 bits of AES-128, under the first half of the table's key,
 * of its block; one cipher call encrypts every block. AES under a secret key is a pseudorandom
 * permutation, so the pseudonyms of distinct IDs are unrelated to the IDs, to each other and
 * to another table's. An ID too long for a block takes HMAC-SHA256 under the key's second
 * half instead. The units are then sorted by pseudonym, which orders them for governance's
 * merge. Two units with one pseudonym (about one table in 10^7 at a million units) would be
 * counted as one: the table is refused instead (PseudonymCollisionError), and asked for again
 * it gets a new key.
 */
export function pseudonymiseUnits(
  { blocks, long }: UnitBlocks,
  count: number,
  key: Buffer,
): PseudonymisedUnits {
  if (key.length !== 32) throw new Error('a pseudonym key is 32 bytes');
  if (blocks.length !== count * BLOCK) throw new Error('the blocks are not one per unit');
  const cipher = createCipheriv('aes-128-ecb', key.subarray(0, 16), null);
  cipher.setAutoPadding(false);
  const words = new Uint32Array(count * 4);
  const sealed = Buffer.from(words.buffer);
  sealed.set(cipher.update(blocks));
  cipher.final();
  for (const { unit, id } of long)
    createHmac('sha256', key.subarray(16))
      .update(id)
      .digest()
      .copy(sealed, unit * BLOCK, 0, 8);

  // The pseudonym is the block's bytes 0-7 as two 32-bit words, each read little-endian, the
  // first the more significant: the same number on every machine.
  const high = new Uint32Array(count);
  const low = new Uint32Array(count);
  if (LITTLE_ENDIAN) {
    for (let i = 0; i < count; i++) {
      high[i] = words[i * 4]!;
      low[i] = words[i * 4 + 1]!;
    }
  } else {
    for (let i = 0; i < count; i++) {
      high[i] = sealed.readUInt32LE(i * BLOCK);
      low[i] = sealed.readUInt32LE(i * BLOCK + 4);
    }
  }
  const sorted = sortPseudonyms(high, low);
  for (let k = 1; k < count; k++)
    if (sorted.high[k] === sorted.high[k - 1] && sorted.low[k] === sorted.low[k - 1])
      throw new PseudonymCollisionError();
  // The list sent: each pseudonym as one 64-bit integer, little-endian (StatisticsExtract.ts).
  const list = new Uint32Array(count * 2);
  const lowHalf = LITTLE_ENDIAN ? 0 : 1;
  for (let k = 0; k < count; k++) {
    list[2 * k + lowHalf] = sorted.low[k]!;
    list[2 * k + 1 - lowHalf] = sorted.high[k]!;
  }
  const bytes = Buffer.from(list.buffer);
  if (!LITTLE_ENDIAN) bytes.swap64();
  return { units: bytes.toString('base64'), order: sorted.order };
}

/** Pseudonyms in ascending order, each with the position it had. */
export interface SortedPseudonyms {
  high: Uint32Array;
  low: Uint32Array;
  /** For the k-th pseudonym, its position in the lists given. */
  order: Uint32Array;
}

/**
 * Sorts pseudonyms given as two 32-bit words each, the high one the more significant. They are
 * the output of a keyed pseudorandom function, uniform over 64 bits whatever the IDs, so one
 * counting pass spreads them into buckets by their leading bits, a handful to a bucket, and each
 * bucket is then put in order on its own: linear time, two passes over the units. A bucket that
 * is not small (which uniform pseudonyms make vanishingly rare, and which no caller can bring
 * about without the key) is sorted by comparison instead, so the order is right for any input.
 */
export function sortPseudonyms(high: Uint32Array, low: Uint32Array): SortedPseudonyms {
  const count = high.length;
  let bits = 1;
  while (bits < MAX_BUCKET_BITS && 2 ** (bits + BUCKET_BITS_BELOW_COUNT) < count) bits++;
  const shift = 32 - bits;
  const starts = new Uint32Array(2 ** bits + 1);
  for (let i = 0; i < count; i++) starts[(high[i]! >>> shift) + 1]!++;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const next = starts.slice(0, -1);
  const sorted = {
    high: new Uint32Array(count),
    low: new Uint32Array(count),
    order: new Uint32Array(count),
  };
  for (let i = 0; i < count; i++) {
    const at = next[high[i]! >>> shift]!++;
    sorted.high[at] = high[i]!;
    sorted.low[at] = low[i]!;
    sorted.order[at] = i;
  }
  for (let b = 0; b < starts.length - 1; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (to - from <= SMALL_BUCKET) insertionSort(sorted, from, to);
    else comparisonSort(sorted, from, to);
  }
  return sorted;
}

/** At most 2^16 buckets, and about 2^3 pseudonyms to a bucket below that. */
const MAX_BUCKET_BITS = 16;
const BUCKET_BITS_BELOW_COUNT = 3;
const SMALL_BUCKET = 64;

const before = (s: SortedPseudonyms, a: number, b: number) =>
  s.high[a]! < s.high[b]! || (s.high[a] === s.high[b] && s.low[a]! < s.low[b]!);

function insertionSort(s: SortedPseudonyms, from: number, to: number): void {
  for (let k = from + 1; k < to; k++) {
    const h = s.high[k]!;
    const l = s.low[k]!;
    const o = s.order[k]!;
    let j = k - 1;
    while (j >= from && (s.high[j]! > h || (s.high[j] === h && s.low[j]! > l))) {
      s.high[j + 1] = s.high[j]!;
      s.low[j + 1] = s.low[j]!;
      s.order[j + 1] = s.order[j]!;
      j--;
    }
    s.high[j + 1] = h;
    s.low[j + 1] = l;
    s.order[j + 1] = o;
  }
}

function comparisonSort(s: SortedPseudonyms, from: number, to: number): void {
  const positions = Array.from({ length: to - from }, (_, k) => from + k).sort((a, b) =>
    before(s, a, b) ? -1 : before(s, b, a) ? 1 : 0,
  );
  const high = positions.map((at) => s.high[at]!);
  const low = positions.map((at) => s.low[at]!);
  const order = positions.map((at) => s.order[at]!);
  s.high.set(high, from);
  s.low.set(low, from);
  s.order.set(order, from);
}

/** Two of an agency's units drew the same pseudonym: the table is refused, not miscounted. */
export class PseudonymCollisionError extends Error {
  constructor() {
    super('two units drew the same pseudonym; ask for the table again');
    this.name = 'PseudonymCollisionError';
  }
}
