import { createHash } from 'node:crypto';
import type { Caller } from '../context/Caller';
import type { RequestIdentity } from './RequestIdentity';

/** The request header that carries the gateway token to a subgraph. */
export const GATEWAY_TOKEN_HEADER = 'x-gateway-token';

/** The `iss` of every gateway token. */
export const GATEWAY_TOKEN_ISSUER = 'govgraph-gateway';

/** The JWS `typ` of a gateway token, so no other JWT made with the same key passes for one. */
export const GATEWAY_TOKEN_TYPE = 'govgraph-gateway+jwt';

/**
 * The only algorithm of gateway tokens: HMAC-SHA256, with a key per subgraph derived from the
 * gateway's secret (gatewayTokenKeys.ts). Ed25519 cost a signature in the gateway and a
 * verification in the subgraph of about 0.1–0.5 ms each per call here; a MAC costs microseconds.
 */
export const GATEWAY_TOKEN_ALGORITHM = 'HS256';

/**
 * The protected header of the gateway tokens made with key `kid`, encoded: the same bytes on
 * every such token, so a subgraph accepts this header and no other.
 */
export function gatewayTokenHeaderSegment(kid: string): string {
  let segment = headerSegments.get(kid);
  if (segment === undefined) {
    segment = Buffer.from(
      JSON.stringify({ alg: GATEWAY_TOKEN_ALGORITHM, typ: GATEWAY_TOKEN_TYPE, kid }),
    ).toString('base64url');
    headerSegments.set(kid, segment);
  }
  return segment;
}

const headerSegments = new Map<string, string>();

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
