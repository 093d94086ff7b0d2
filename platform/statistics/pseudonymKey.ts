import { createHmac } from 'node:crypto';

/**
 * The key of one query's pseudonyms: HMAC-SHA256 of its nonce under the secret the agencies
 * share (and governance does not hold). Every agency derives the same key for a query, so their
 * pseudonyms join; another query's nonce gives unrelated pseudonyms, and without the secret
 * nobody can compute a person's pseudonym from their national ID.
 */
export function pseudonymKey(secret: Buffer, nonce: string): string {
  return createHmac('sha256', secret).update(nonce, 'utf8').digest('hex');
}

/** Characters of a pseudonym: the first 11 base64 characters of SHA-256 (66 bits). */
export const PSEUDONYM_LENGTH = 11;

/**
 * The SQL expression of a unit's pseudonym from its national ID column and the key parameter,
 * computed inside the agency's database so that no national ID leaves it.
 */
export function pseudonymSql(nationalIdColumn: string): string {
  return `left(encode(sha256(convert_to(?::text || ${nationalIdColumn}, 'UTF8')), 'base64'), ${PSEUDONYM_LENGTH})`;
}
