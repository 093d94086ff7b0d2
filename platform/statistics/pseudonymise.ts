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
 * padding unambiguous. This SQL expression computes it in the database for IDs of ASCII
 * characters; `blocksOfIds` computes the same bytes for any ID in the agency's process.
 */
export function pseudonymBlockSql(nationalIdColumn: string): string {
  return `rpad(${nationalIdColumn}, ${BLOCK_ID_BYTES}, ' ') || chr(${LENGTH_BASE} + octet_length(${nationalIdColumn}))`;
}

/** The blocks of a table's units, and the units whose ID is too long for one. */
export interface UnitBlocks {
  blocks: Buffer;
  /** Units whose national ID is longer than BLOCK_ID_BYTES, with the ID's bytes. */
  long: { unit: number; id: Buffer }[];
}

/**
 * The blocks of the national IDs in `ids`, separated by `separator` (one ASCII character no ID
 * holds): the general path, for IDs `pseudonymBlockSql` cannot pack.
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
  const order = sortByWords(high, low);
  // The pseudonyms themselves, sorted again as whole numbers, are the list sent: reading them
  // through `order` instead would cost a cache miss per unit.
  const sorted = new BigUint64Array(count);
  const halves = new Uint32Array(sorted.buffer);
  const lowHalf = LITTLE_ENDIAN ? 0 : 1;
  for (let i = 0; i < count; i++) {
    halves[2 * i + lowHalf] = low[i]!;
    halves[2 * i + 1 - lowHalf] = high[i]!;
  }
  sorted.sort();
  for (let k = 1; k < count; k++)
    if (halves[2 * k] === halves[2 * k - 2] && halves[2 * k + 1] === halves[2 * k - 1])
      throw new PseudonymCollisionError();
  const bytes = Buffer.from(sorted.buffer);
  if (!LITTLE_ENDIAN) bytes.swap64();
  return { units: bytes.toString('base64'), order };
}

/**
 * The positions of the units in ascending order of (high, low). The native sort of 64-bit
 * integers does the work: each key is the unit's two words with its position in the low bits
 * of `low`, so that the position comes back with the key; units whose keys tie on the bits kept
 * (rare and short) are then put in order by their remaining bits.
 */
export function sortByWords(high: Uint32Array, low: Uint32Array): Uint32Array {
  const count = high.length;
  let bits = 0;
  while (2 ** bits < count) bits++;
  const positionMask = 2 ** bits - 1;
  const keys = new BigUint64Array(count);
  const halves = new Uint32Array(keys.buffer);
  const lowHalf = LITTLE_ENDIAN ? 0 : 1;
  for (let i = 0; i < count; i++) {
    halves[2 * i + lowHalf] = ((low[i]! & ~positionMask) | i) >>> 0;
    halves[2 * i + 1 - lowHalf] = high[i]!;
  }
  keys.sort();
  const order = new Uint32Array(count);
  for (let k = 0; k < count; k++) order[k] = (halves[2 * k + lowHalf]! & positionMask) >>> 0;
  // Runs of keys equal in the bits kept are ordered by the bits the positions replaced.
  const kept = ~positionMask;
  for (let start = 0; start < count;) {
    let end = start + 1;
    while (
      end < count &&
      halves[2 * end + 1 - lowHalf] === halves[2 * start + 1 - lowHalf] &&
      ((halves[2 * end + lowHalf]! ^ halves[2 * start + lowHalf]!) & kept) === 0
    )
      end++;
    for (let k = start + 1; k < end; k++) {
      const unit = order[k]!;
      let j = k - 1;
      while (j >= start && low[order[j]!]! > low[unit]!) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = unit;
    }
    start = end;
  }
  return order;
}

/** Two of an agency's units drew the same pseudonym: the table is refused, not miscounted. */
export class PseudonymCollisionError extends Error {
  constructor() {
    super('two units drew the same pseudonym; ask for the table again');
    this.name = 'PseudonymCollisionError';
  }
}
