import type { JSONWebKeySet } from 'jose';

// JWK members that only private or symmetric keys have.
const SECRET_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/**
 * A JSON Web Key Set of public keys; throws if it is not one. Private or symmetric keys are
 * refused: the gateway only verifies, and a shared secret would let anyone holding it mint tokens.
 */
export function publicKeySet(json: unknown): JSONWebKeySet {
  const keys = (json as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0)
    throw new Error('must be a JSON Web Key Set ({"keys":[...]}) with at least one key');
  for (const key of keys) {
    if (typeof key !== 'object' || key === null || typeof key.kty !== 'string')
      throw new Error('every key of the set must be a JWK with "kty"');
    if (SECRET_MEMBERS.some((member) => member in key))
      throw new Error('must hold public keys only; a key of the set has private or secret parts');
  }
  return json as JSONWebKeySet;
}
