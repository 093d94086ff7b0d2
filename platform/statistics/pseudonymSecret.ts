import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoKeysDirectory } from '../witness/accessLogKeys';

/** The fewest bytes a pseudonym secret may have. */
export const MIN_SECRET_BYTES = 32;

/** Reads a pseudonym secret written base64url; throws naming the problem. */
export function parsePseudonymSecret(text: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9_-]+$/.test(trimmed)) throw new Error('must be base64url-encoded');
  const secret = Buffer.from(trimmed, 'base64url');
  if (secret.length < MIN_SECRET_BYTES)
    throw new Error(`must be at least ${MIN_SECRET_BYTES} bytes, base64url-encoded`);
  return secret;
}

/** The demo's shared secret (demo/keys/statistics-pseudonym.secret): never trust it outside a demo. */
export function readDemoPseudonymSecret(directory = demoKeysDirectory()): Buffer {
  return parsePseudonymSecret(
    readFileSync(path.join(directory, 'statistics-pseudonym.secret'), 'utf8'),
  );
}
