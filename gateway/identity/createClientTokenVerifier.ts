import { GraphQLError } from 'graphql';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTHeaderParameters,
  jwtVerify,
} from 'jose';
import type { Caller } from '../../platform/context/Caller';
import { callerFromClaims } from './callerFromClaims';
import { forbiddenCredential, unauthenticated } from './requestErrors';
import { describeUnheldRole, type RoleGrants, unheldRoles } from './roleGrants';
import {
  DEFAULT_TOKEN_LIFETIMES,
  type TokenLifetimes,
  tokenLifetimeProblem,
} from './tokenLifetime';
import { createVerifiedTokenCache } from './verifiedTokenCache';

/** Asymmetric signature algorithms a client token may use. `none` and shared secrets never. */
export const CLIENT_TOKEN_ALGORITHMS = [
  'EdDSA',
  'Ed25519',
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
] as const;

export type ClientTokenAlgorithm = (typeof CLIENT_TOKEN_ALGORITHMS)[number];

export const DEFAULT_CLIENT_TOKEN_ALGORITHMS: readonly ClientTokenAlgorithm[] = [
  'EdDSA',
  'ES256',
  'RS256',
];

/** Clock difference tolerated between the identity provider and the gateway. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** How the gateway checks the tokens clients send as `Authorization: Bearer <JWT>`. */
export interface ClientTokenOptions {
  /** The identity provider's `iss`. */
  issuer: string;
  /** The `aud` a token must be issued for, and for nothing else. */
  audience: string;
  /** The provider's public keys: a JWKS URL (fetched and cached) or the key set itself. */
  keys: { jwksUrl: string } | { jwks: JSONWebKeySet };
  /** Accepted algorithms; default EdDSA, ES256 and RS256. */
  algorithms?: readonly ClientTokenAlgorithm[];
  /** Which organisations may hold which roles; a token claiming any other role is refused. */
  roleGrants: RoleGrants;
  /** The longest a token may live and be used, by holder; default 12 h for a person, 1 h for a client. */
  maxLifetimes?: TokenLifetimes;
}

/**
 * Verifies a client token and returns its caller, or throws an `UNAUTHENTICATED` error (401);
 * a token claiming a role its organisation may not hold is refused with `FORBIDDEN` (403).
 */
export type ClientTokenVerifier = (token: string) => Promise<Caller>;

export function createClientTokenVerifier(options: ClientTokenOptions): ClientTokenVerifier {
  const keys = keyResolver(options.keys);
  const algorithms = [...(options.algorithms ?? DEFAULT_CLIENT_TOKEN_ALGORITHMS)];
  const maxLifetimes = options.maxLifetimes ?? DEFAULT_TOKEN_LIFETIMES;
  // The same token comes back on every request of a client: its signature is checked once.
  const verified = createVerifiedTokenCache(
    (payload, now) =>
      typeof payload.exp === 'number' &&
      payload.exp > now - CLOCK_TOLERANCE_SECONDS &&
      tokenLifetimeProblem(payload, maxLifetimes, now, CLOCK_TOLERANCE_SECONDS) === undefined,
  );
  return async (token) => {
    const caller = verified.get(token) ?? (await verifiedCaller(token));
    const unheld = unheldRoles(options.roleGrants, caller);
    if (unheld.length > 0 && caller.kind === 'organisation') {
      throw forbiddenCredential(
        `The access token claims roles that ${caller.organisation} may not hold: ${unheld
          .map((role) => describeUnheldRole(options.roleGrants, role))
          .join('; ')}`,
      );
    }
    return caller;
  };

  async function verifiedCaller(token: string): Promise<Caller> {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat'],
      });
      // A token valid at several services can be replayed here by any of them.
      if (Array.isArray(payload.aud) && payload.aud.length > 1)
        throw unauthenticated(
          `The access token is meant for several services ("aud"); it must be issued for ${options.audience} alone`,
        );
      const lifetime = tokenLifetimeProblem(
        payload,
        maxLifetimes,
        Math.floor(Date.now() / 1000),
        CLOCK_TOLERANCE_SECONDS,
      );
      if (lifetime !== undefined) throw unauthenticated(lifetime);
      const caller = callerFromClaims(payload);
      verified.remember(token, payload, caller);
      return caller;
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      const problem = describeRefusal(error);
      if (problem === undefined) throw error;
      throw unauthenticated(problem);
    }
  }
}

type KeyResolver = (header: JWTHeaderParameters) => Promise<CryptoKey>;

/**
 * The key that verifies a token, chosen by jose from the set by `kid`, and by `alg` against
 * each key's type, curve and own `alg`. A token without `kid` is verified only when the set
 * holds one key: with several, which key signed it would be guesswork.
 */
function keyResolver(source: ClientTokenOptions['keys']): KeyResolver {
  if (!('jwksUrl' in source)) {
    const local = createLocalJWKSet(source.jwks);
    const several = source.jwks.keys.length > 1;
    return async (header) => {
      if (header.kid === undefined && several) throw kidRequired();
      return local(header);
    };
  }
  const remote = createRemoteJWKSet(new URL(source.jwksUrl));
  return async (header) => {
    if (header.kid === undefined) {
      if (remote.jwks() === undefined) await remote.reload();
      if ((remote.jwks()?.keys.length ?? 0) > 1) throw kidRequired();
    }
    return remote(header);
  };
}

const kidRequired = () =>
  unauthenticated(
    'The access token names no key ("kid"), and the trusted provider has more than one',
  );

/** What is wrong with a refused token, in words for the client; undefined for a server fault. */
function describeRefusal(error: unknown): string | undefined {
  if (error instanceof errors.JWTExpired) return 'The access token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'The access token was not issued by the trusted provider';
    if (error.claim === 'aud') return 'The access token is not meant for this service ("aud")';
    if (error.claim === 'nbf') return 'The access token is not valid yet';
    return `The access token has an invalid "${error.claim}" claim: ${error.reason}`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'The access token is signed with an algorithm that is not accepted';
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  )
    return 'The access token is not signed by a key of the trusted provider';
  // A key set that cannot be fetched is the server's problem, not the client's.
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return undefined;
  if (error instanceof errors.JOSEError) return 'The access token is not a valid signed JWT';
  return undefined;
}
