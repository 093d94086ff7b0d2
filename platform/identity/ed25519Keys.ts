import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

/** An Ed25519 private key from its JWK (`kty: OKP`, `crv: Ed25519`, with `d`); throws if it is not one. */
export function ed25519PrivateKeyFromJwk(jwk: unknown): KeyObject {
  const key = asEd25519Jwk(jwk, 'private key');
  if (typeof key.d !== 'string') throw new Error('must be an Ed25519 private key (a JWK with "d")');
  return createPrivateKey({ key, format: 'jwk' });
}

/**
 * An Ed25519 public key from its JWK. A JWK with its private part is refused: a verifier
 * that holds the private key could mint the tokens it is meant to check.
 */
export function ed25519PublicKeyFromJwk(jwk: unknown): KeyObject {
  const key = asEd25519Jwk(jwk, 'public key');
  if ('d' in key)
    throw new Error('must be the public key only; this JWK contains the private key ("d")');
  return createPublicKey({ key, format: 'jwk' });
}

function asEd25519Jwk(jwk: unknown, what: string): JsonWebKey {
  if (
    typeof jwk !== 'object' ||
    jwk === null ||
    (jwk as JsonWebKey).kty !== 'OKP' ||
    (jwk as JsonWebKey).crv !== 'Ed25519' ||
    typeof (jwk as JsonWebKey).x !== 'string'
  ) {
    throw new Error(`must be an Ed25519 ${what} as a JWK ({"kty":"OKP","crv":"Ed25519",...})`);
  }
  return jwk as JsonWebKey;
}
