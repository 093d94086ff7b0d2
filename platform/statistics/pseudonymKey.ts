import { createHmac } from 'node:crypto';

/**
 * The key of one table's pseudonyms: HMAC-SHA256, under the secret the agencies share (and
 * governance does not hold), of the gateway's id of the client request (signed into every
 * gateway token, so only the gateway chooses it) and the table's job (its spec and nonce).
 * Every agency asked for the same table in the same request derives the same key, so their
 * pseudonyms join. Another table, or the same job sent again in another request, gives
 * unrelated pseudonyms: the governance service cannot link the units of two tables by reusing
 * a job or a nonce. Without the secret nobody can compute a person's pseudonym from their
 * national ID.
 */
export function pseudonymKey(secret: Buffer, requestId: string, job: string): string {
  return createHmac('sha256', secret)
    .update(JSON.stringify([requestId, job]), 'utf8')
    .digest('hex');
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
