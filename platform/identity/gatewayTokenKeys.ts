import { hkdfSync, randomBytes } from 'node:crypto';

/**
 * The gateway's secret for the tokens it sends to subgraphs: a key of its own per subgraph is
 * derived from it, so each subgraph holds only its own key (and can mint tokens for itself
 * alone, which it needs none of). `kid` names the generation, for rotation.
 */
export interface GatewayTokenSecret {
  readonly kid: string;
  readonly secret: Buffer;
}

/** One subgraph's key for the gateway tokens it accepts: HMAC-SHA256, 32 bytes. */
export interface GatewayTokenKey {
  readonly kid: string;
  /** The subgraph the key is for: a token made with it is good there alone. */
  readonly audience: string;
  readonly secret: Buffer;
}

const KEY_BYTES = 32;
const DERIVATION_SALT = Buffer.from('govgraph gateway token key');
const KID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** A fresh secret, held in memory only (tests, and `npm start`, which runs every process itself). */
export function newGatewayTokenSecret(kid = 'local-1'): GatewayTokenSecret {
  return { kid, secret: randomBytes(KEY_BYTES) };
}

/** HKDF-SHA256 of the gateway's secret, with the subgraph's name as its info. */
export function deriveGatewayTokenKey(
  secret: GatewayTokenSecret,
  audience: string,
): GatewayTokenKey {
  const derived = hkdfSync('sha256', secret.secret, DERIVATION_SALT, audience, KEY_BYTES);
  return { kid: secret.kid, audience, secret: Buffer.from(derived) };
}

/** Every subgraph's key, derived once per subgraph the gateway calls. */
export function gatewayTokenKeyring(
  secret: GatewayTokenSecret,
): (audience: string) => GatewayTokenKey {
  const keys = new Map<string, GatewayTokenKey>();
  return (audience) => {
    let key = keys.get(audience);
    if (!key) keys.set(audience, (key = deriveGatewayTokenKey(secret, audience)));
    return key;
  };
}

/**
 * The gateway's secret from its JWK: `{"kty":"oct","kid":...,"k":<32 bytes or more,
 * base64url>,"use":"gateway-token-secret"}`. A subgraph's key passed for it is refused.
 */
export function gatewayTokenSecretFromJwk(jwk: unknown): GatewayTokenSecret {
  const { kid, secret, fields } = octetKey(jwk);
  if (fields.use !== SECRET_USE || fields.aud !== undefined)
    throw new Error(`must be the gateway's token secret ("use":"${SECRET_USE}")`);
  return { kid, secret };
}

/**
 * A subgraph's keys from a JWK, or a JWK set (`{"keys":[...]}`) while keys rotate: each
 * `{"kty":"oct","kid":...,"k":...,"use":"gateway-token","aud":<the subgraph>}`. A key for
 * another subgraph, or the gateway's secret itself, is refused.
 */
export function gatewayTokenKeysFromJwk(audience: string, jwk: unknown): GatewayTokenKey[] {
  const list =
    typeof jwk === 'object' && jwk !== null && 'keys' in jwk
      ? (jwk as { keys: unknown }).keys
      : [jwk];
  if (!Array.isArray(list) || list.length === 0)
    throw new Error('must be a JWK or a JWK set with at least one key');
  const keys = list.map((entry) => {
    const { kid, secret, fields } = octetKey(entry);
    if (fields.use !== KEY_USE)
      throw new Error(
        `must be a subgraph's gateway-token key ("use":"${KEY_USE}"), not the gateway's secret`,
      );
    if (fields.aud !== audience)
      throw new Error(`is the key of ${JSON.stringify(fields.aud)}, not of ${audience}`);
    return { kid, audience, secret };
  });
  if (new Set(keys.map(({ kid }) => kid)).size !== keys.length)
    throw new Error('holds two keys with the same "kid"');
  return keys;
}

/** A subgraph's key as the JWK a subgraph is configured with. */
export function gatewayTokenKeyJwk(key: GatewayTokenKey): Record<string, string> {
  return {
    kty: 'oct',
    kid: key.kid,
    use: KEY_USE,
    aud: key.audience,
    k: key.secret.toString('base64url'),
  };
}

/** A new secret for the gateway, as its JWK. */
export function gatewayTokenSecretJwk(kid: string, secret: Buffer): Record<string, string> {
  if (!KID_PATTERN.test(kid)) throw new Error('a kid is 1 to 64 letters, digits, ".", "_" or "-"');
  return { kty: 'oct', kid, use: SECRET_USE, k: secret.toString('base64url') };
}

const SECRET_USE = 'gateway-token-secret';
const KEY_USE = 'gateway-token';

function octetKey(jwk: unknown): {
  kid: string;
  secret: Buffer;
  fields: Record<string, unknown>;
} {
  if (typeof jwk !== 'object' || jwk === null || (jwk as { kty?: unknown }).kty !== 'oct')
    throw new Error('must be a symmetric key as a JWK ({"kty":"oct",...})');
  const fields = jwk as Record<string, unknown>;
  if (typeof fields.kid !== 'string' || !KID_PATTERN.test(fields.kid))
    throw new Error('must have a "kid" of 1 to 64 letters, digits, ".", "_" or "-"');
  if (typeof fields.k !== 'string' || !/^[A-Za-z0-9_-]+$/.test(fields.k))
    throw new Error('must have its key material in "k", base64url-encoded');
  const secret = Buffer.from(fields.k, 'base64url');
  if (secret.length < KEY_BYTES) throw new Error(`must be at least ${KEY_BYTES} bytes`);
  return { kid: fields.kid, secret, fields };
}
