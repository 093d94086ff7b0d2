import { errors, jwtVerify } from 'jose';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { type Caller, PUBLIC_CALLER } from '../context/Caller';
import { createReplayGuard } from './createReplayGuard';
import {
  bodyHash,
  GATEWAY_TOKEN_ALGORITHM,
  GATEWAY_TOKEN_ISSUER,
  GATEWAY_TOKEN_LIFETIME_SECONDS,
  GATEWAY_TOKEN_TYPE,
} from './gatewayToken';
import { isValidNationalId } from './nationalId';
import { isOrganisationCode, isPrintableId, isPurposeCode } from './requestCodes';
import type { RequestIdentity } from './RequestIdentity';

/** Why a subgraph refuses a request: it does not carry a valid gateway token for its body. */
export class GatewayTokenError extends Error {
  override readonly name = 'GatewayTokenError';
}

/**
 * Checks the gateway token of one request against the request's raw body and returns the
 * identity it vouches for, or throws a `GatewayTokenError` saying why not.
 */
export type GatewayTokenVerifier = (
  token: string | undefined,
  body: Uint8Array,
) => Promise<RequestIdentity>;

export interface GatewayTokenVerifierOptions {
  /** The gateway's Ed25519 public key. */
  publicKey: KeyObject;
  /** This subgraph's name: tokens minted for another subgraph are refused. */
  audience: string;
  /** Allowed clock difference between gateway and subgraph. Default 5 s. */
  clockToleranceSeconds?: number;
}

const claimsSchema = z.object({
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
  const tolerance = options.clockToleranceSeconds ?? 5;
  const maxAgeSeconds = GATEWAY_TOKEN_LIFETIME_SECONDS + tolerance;
  // A token is usable from `tolerance` before its iat until `tolerance` after its exp.
  const replays = createReplayGuard((GATEWAY_TOKEN_LIFETIME_SECONDS + 2 * tolerance) * 1000);
  return async (token, body) => {
    if (!token) throw new GatewayTokenError('The request carries no gateway token');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, options.publicKey, {
        algorithms: [GATEWAY_TOKEN_ALGORITHM],
        typ: GATEWAY_TOKEN_TYPE,
        issuer: GATEWAY_TOKEN_ISSUER,
        audience: options.audience,
        clockTolerance: tolerance,
        maxTokenAge: maxAgeSeconds,
        requiredClaims: ['exp', 'iat', 'jti'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError)
        throw new GatewayTokenError(`The gateway token is not valid: ${error.message}`);
      throw error;
    }
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) throw new GatewayTokenError('The gateway token has malformed claims');
    const claims = parsed.data;
    if (claims.bh !== bodyHash(body))
      throw new GatewayTokenError('The gateway token was issued for another request body');
    const caller = callerOf(claims);
    if (!caller) throw new GatewayTokenError('The gateway token names no valid caller');
    if (!replays.admit(claims.jti))
      throw new GatewayTokenError('The gateway token has already been used');
    return {
      requestId: claims.rid,
      caller,
      purpose: claims.purpose ?? null,
      caseId: claims.caseId ?? null,
    };
  };
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
