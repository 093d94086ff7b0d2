import { createHash } from 'node:crypto';
import type { Caller } from '../context/Caller';
import type { RequestIdentity } from './RequestIdentity';

/** The request header that carries the gateway token to a subgraph. */
export const GATEWAY_TOKEN_HEADER = 'x-gateway-token';

/** The `iss` of every gateway token. */
export const GATEWAY_TOKEN_ISSUER = 'govgraph-gateway';

/** The JWS `typ` of a gateway token, so no other JWT signed by the same key passes for one. */
export const GATEWAY_TOKEN_TYPE = 'govgraph-gateway+jwt';

/** The only signature algorithm of gateway tokens: Ed25519. */
export const GATEWAY_TOKEN_ALGORITHM = 'EdDSA';

/**
 * The protected header of every gateway token, encoded: the same bytes on every token, so a
 * subgraph accepts this header and no other.
 */
export const GATEWAY_TOKEN_HEADER_SEGMENT = Buffer.from(
  JSON.stringify({ alg: GATEWAY_TOKEN_ALGORITHM, typ: GATEWAY_TOKEN_TYPE }),
).toString('base64url');

/** How long a gateway token is valid: one subgraph call, with room for a slow network. */
export const GATEWAY_TOKEN_LIFETIME_SECONDS = 30;

/**
 * What a gateway token asserts, besides the registered claims `iss` (the gateway), `aud` (the
 * subgraph's name), `iat`, `exp` and `jti` (unique per call). Absent values are left out.
 */
export interface GatewayTokenClaims {
  kind: Caller['kind'];
  /** The caller's subject: a national ID, or an organisation's member or client id. */
  sub?: string;
  /** The organisation code of an organisation caller. */
  org?: string;
  /** The roles of an organisation caller within its organisation. */
  roles?: string[];
  purpose?: string;
  caseId?: string;
  /** The gateway's id of the client request this call serves. */
  rid: string;
  /** base64url SHA-256 of the exact HTTP body sent with the token: the token is good for it alone. */
  bh: string;
}

/** The `bh` claim for a request body. */
export function bodyHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** The claims that carry a request's identity (everything but `bh`). */
export function identityClaims(identity: RequestIdentity): Omit<GatewayTokenClaims, 'bh'> {
  const { caller } = identity;
  return {
    kind: caller.kind,
    ...(caller.kind === 'public' ? {} : { sub: caller.subject }),
    ...(caller.kind === 'organisation' ? { org: caller.organisation, roles: caller.roles } : {}),
    ...(identity.purpose === null ? {} : { purpose: identity.purpose }),
    ...(identity.caseId === null ? {} : { caseId: identity.caseId }),
    rid: identity.requestId,
  };
}
