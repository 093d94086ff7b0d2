import type { JWTPayload } from 'jose';
import { isValidNationalId } from '../../platform/identity/nationalId';

/** The longest a client token may live and be used, in seconds, by whom it was issued to. */
export interface TokenLifetimes {
  /** A token of a person: a citizen, or an official of an organisation. */
  person: number;
  /** A token of a system signed in with client credentials (a partner's service). */
  client: number;
}

export const DEFAULT_TOKEN_LIFETIMES: TokenLifetimes = { person: 12 * 3600, client: 3600 };

/**
 * Whose token this is. A person's token names a national ID as its subject and is not the
 * client's own (RFC 9068: a client-credentials token has `sub` equal to `client_id`); every
 * other token is a client's, so a token that does not say clearly gets the shorter limit.
 */
export function tokenHolder(claims: JWTPayload): keyof TokenLifetimes {
  const { sub, client_id: clientId } = claims;
  return typeof sub === 'string' && isValidNationalId(sub) && clientId !== sub
    ? 'person'
    : 'client';
}

const hours = (seconds: number) => (seconds % 3600 === 0 ? `${seconds / 3600} h` : `${seconds} s`);

/**
 * What is wrong with a verified token's lifetime, or undefined. Whatever `exp` says, a token
 * must say when it was issued (`iat`), may not be issued in the future, may not be issued to
 * live longer than its holder's limit, and is not accepted once older than that limit.
 * `toleranceSeconds` is the clock difference allowed between the provider and the gateway.
 */
export function tokenLifetimeProblem(
  claims: JWTPayload,
  limits: TokenLifetimes,
  nowSeconds: number,
  toleranceSeconds: number,
): string | undefined {
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || !Number.isFinite(iat))
    return 'The access token does not say when it was issued ("iat")';
  if (typeof exp !== 'number') return 'The access token does not say when it expires ("exp")';
  if (iat > nowSeconds + toleranceSeconds)
    return 'The access token was issued in the future ("iat")';
  const holder = tokenHolder(claims);
  const limit = limits[holder];
  if (nowSeconds - iat > limit + toleranceSeconds)
    return `The access token was issued more than ${hours(limit)} ago, the most accepted for a ${holder}`;
  if (exp - iat > limit)
    return `The access token lives longer than ${hours(limit)}, the most accepted for a ${holder}`;
  return undefined;
}
