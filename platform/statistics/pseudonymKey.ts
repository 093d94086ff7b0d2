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
export function pseudonymKey(secret: Buffer, requestId: string, job: string): Buffer {
  return createHmac('sha256', secret)
    .update(JSON.stringify([requestId, job]), 'utf8')
    .digest();
}
