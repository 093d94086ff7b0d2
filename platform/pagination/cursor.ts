import { badUserInput } from '../errors/clientErrors';

const PREFIX = 'cursor:';

/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(key: string): string {
  return Buffer.from(`${PREFIX}${key}`, 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; anything else is a client error. */
export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(PREFIX) || decoded.length === PREFIX.length) {
    throw badUserInput('"after" is not a cursor returned by this API', 'after');
  }
  return decoded.slice(PREFIX.length);
}

/** Validates a page size argument. */
export function pageSize(first: number, max: number): number {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badUserInput(`"first" must be between 0 and ${max}`, 'first');
  }
  return first;
}
