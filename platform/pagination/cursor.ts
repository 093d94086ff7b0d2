import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { badUserInput } from '../errors/clientErrors';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

// Cursors are keyset positions (a national ID, say): sealed with AES-GCM so a page cursor
// reveals nothing about the record it points at and cannot be forged to probe other keys.
let key: Buffer = randomBytes(32);

/**
 * Sets the key that seals page cursors. Replicas of a subgraph must share it for cursors to
 * work across them; without one, each process makes its own and cursors end with the process.
 */
export function setCursorKey(secret: Buffer): void {
  if (secret.length !== 32) throw new Error('a page cursor key must be 32 bytes');
  key = secret;
}

/** Seals a keyset position as an opaque cursor. */
export function encodeCursor(position: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const sealed = Buffer.concat([cipher.update(position, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** Opens a cursor made by `encodeCursor`; anything else is a client error. */
export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) throw notACursor();
  try {
    const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw notACursor();
  }
}

function notACursor() {
  return badUserInput(
    '"after" is not a cursor returned by this API (cursors also end when the service restarts)',
    'after',
  );
}

/** Validates a page size argument. */
export function pageSize(first: number, max: number): number {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badUserInput(`"first" must be between 0 and ${max}`, 'first');
  }
  return first;
}
