import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { type Caller, PUBLIC_CALLER } from '../context/Caller';
import { createReplayGuard } from './createReplayGuard';
import type { SharedReplayGuard } from './createSharedReplayGuard';
import { createTokenAdmission, type TokenAdmission } from './TokenAdmission';
import {
  bodyHash,
  gatewayTokenHeaderSegment,
  GATEWAY_TOKEN_ISSUER,
  GATEWAY_TOKEN_LIFETIME_SECONDS,
} from './gatewayToken';
import type { GatewayTokenKey } from './gatewayTokenKeys';
import { isValidNationalId } from './nationalId';
import { isOrganisationCode, isPrintableId, isPurposeCode } from './requestCodes';
import type { RequestIdentity } from './RequestIdentity';

/** Why a subgraph refuses a request: it does not carry a valid gateway token for its body. */
export class GatewayTokenError extends Error {
  override readonly name = 'GatewayTokenError';
}

/** A gateway token that passed every check one process can make alone. */
export interface VerifiedGatewayToken {
  /** Whom and what the gateway vouches for. */
  identity: RequestIdentity;
  /**
   * Whether the token is new to the subgraph's other replicas as well: still to be decided,
   * before the answer is sent (platform/server/serveBehindGateway.ts).
   */
  admission: TokenAdmission;
}

/**
 * Checks the gateway token of one request against the request's raw body and returns the
 * identity it vouches for, or throws a `GatewayTokenError` saying why not.
 */
export type GatewayTokenVerifier = (
  token: string | undefined,
  body: Uint8Array,
) => Promise<VerifiedGatewayToken>;

export interface GatewayTokenVerifierOptions {
  /**
   * This subgraph's keys (one, or the old and the new while they rotate), each derived from
   * the gateway's secret for this subgraph; a token names the key it was made with (`kid`).
   */
  keys: readonly GatewayTokenKey[];
  /** This subgraph's name: tokens minted for another subgraph are refused. */
  audience: string;
  /** Allowed clock difference between gateway and subgraph. Default 5 s. */
  clockToleranceSeconds?: number;
  /**
   * The token ids every replica of this subgraph has accepted, which each token's admission
   * asks; without it a token replayed to another replica would be accepted there (only this
   * process's own ids are remembered).
   */
  sharedReplays?: SharedReplayGuard;
}

const claimsSchema = z.object({
  iss: z.literal(GATEWAY_TOKEN_ISSUER),
  aud: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
  kind: z.enum(['public', 'citizen', 'organisation']),
  sub: z.string().min(1).optional(),
  org: z.string().refine(isOrganisationCode).optional(),
  roles: z.array(z.string().min(1)).optional(),
  purpose: z.string().refine(isPurposeCode).optional(),
  caseId: z.string().refine(isPrintableId).optional(),
  rid: z.string().refine(isPrintableId),
  bh: z.string().min(1),
  jti: z.string().min(1),
});

type VerifiedClaims = z.infer<typeof claimsSchema>;

export function createGatewayTokenVerifier(
  options: GatewayTokenVerifierOptions,
): GatewayTokenVerifier {
  if (options.keys.length === 0) throw new TypeError('a subgraph needs a gateway-token key');
  // By the exact header each key's tokens carry.
  const keysByHeader = new Map<string, GatewayTokenKey>();
  for (const key of options.keys) {
    if (key.audience !== options.audience)
      throw new TypeError(`${options.audience} was given the gateway-token key of ${key.audience}`);
    keysByHeader.set(gatewayTokenHeaderSegment(key.kid), key);
  }
  const tolerance = options.clockToleranceSeconds ?? 5;
  const maxAgeSeconds = GATEWAY_TOKEN_LIFETIME_SECONDS + tolerance;
  // A token is usable from `tolerance` before its iat until `tolerance` after its exp.
  const replays = createReplayGuard((GATEWAY_TOKEN_LIFETIME_SECONDS + 2 * tolerance) * 1000);
  const shared = options.sharedReplays;
  return async (token, body) => {
    const { identity, jti, exp } = verifyToken(token, body);
    // Decided later, after every check this process can make alone (a refused token costs no
    // statement), and in the access log's own statement where the request writes records.
    return { identity, admission: createTokenAdmission(jti, exp + tolerance, shared) };
  };

  /**
   * A gateway token is a compact JWS whose protected header is, byte for byte, the header of
   * one of this subgraph's keys: no other algorithm, type or key parameter can be smuggled in,
   * so its HMAC-SHA256 is checked at once, in this thread, in constant time.
   */
  function verifyToken(
    token: string | undefined,
    body: Uint8Array,
  ): { identity: RequestIdentity; jti: string; exp: number } {
    if (!token) throw new GatewayTokenError('The request carries no gateway token');
    const parts = token.split('.');
    const key = parts.length === 3 ? keysByHeader.get(parts[0]!) : undefined;
    if (!key) throw new GatewayTokenError('The gateway token is not valid: not a gateway token');
    const [header, payload, signature] = parts as [string, string, string];
    const expected = createHmac('sha256', key.secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new GatewayTokenError('The gateway token is not valid: signature verification failed');
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new GatewayTokenError('The gateway token is not valid: its claims are not JSON');
    }
    const parsed = claimsSchema.safeParse(decoded);
    if (!parsed.success) throw new GatewayTokenError('The gateway token has malformed claims');
    const claims = parsed.data;
    if (claims.aud !== options.audience)
      throw new GatewayTokenError(
        `The gateway token is not valid: it was issued for another subgraph ("aud" ${claims.aud})`,
      );
    const now = Math.floor(Date.now() / 1000);
    if (claims.iat > now + tolerance)
      throw new GatewayTokenError('The gateway token is not valid: "iat" is in the future');
    if (
      now - claims.iat > maxAgeSeconds ||
      claims.exp - claims.iat > GATEWAY_TOKEN_LIFETIME_SECONDS
    )
      throw new GatewayTokenError(
        'The gateway token is not valid: "iat" is too far in the past or its lifetime too long',
      );
    if (now > claims.exp + tolerance)
      throw new GatewayTokenError('The gateway token is not valid: "exp" has passed');
    if (claims.bh !== bodyHash(body))
      throw new GatewayTokenError('The gateway token was issued for another request body');
    const caller = callerOf(claims);
    if (!caller) throw new GatewayTokenError('The gateway token names no valid caller');
    if (!replays.admit(claims.jti))
      throw new GatewayTokenError('The gateway token has already been used');
    const identity: RequestIdentity = {
      requestId: claims.rid,
      caller,
      purpose: claims.purpose ?? null,
      caseId: claims.caseId ?? null,
    };
    return { identity, jti: claims.jti, exp: claims.exp };
  }
}

function callerOf(claims: VerifiedClaims): Caller | null {
  switch (claims.kind) {
    case 'public':
      return claims.sub === undefined && claims.org === undefined ? PUBLIC_CALLER : null;
    case 'citizen':
      return claims.sub !== undefined && isValidNationalId(claims.sub) && claims.org === undefined
        ? { kind: 'citizen', subject: claims.sub }
        : null;
    case 'organisation':
      return claims.sub !== undefined && claims.org !== undefined
        ? {
            kind: 'organisation',
            subject: claims.sub,
            organisation: claims.org,
            roles: claims.roles ?? [],
          }
        : null;
  }
}
