import type { JWTPayload } from 'jose';
import type { Caller } from '../../platform/context/Caller';
import { isValidNationalId } from '../../platform/identity/nationalId';
import { isOrganisationCode } from '../../platform/identity/requestCodes';
import { unauthenticated } from './requestErrors';

/**
 * Who a verified client token names. `org` (an organisation code) makes the subject a member
 * or system of that organisation, with the token's `roles`; without `org` the subject must be
 * a national ID: a citizen. Anything else is refused.
 */
export function callerFromClaims(claims: JWTPayload): Caller {
  const { sub, org, roles } = claims;
  if (typeof sub !== 'string' || sub === '')
    throw unauthenticated('The access token names no subject ("sub")');
  if (org === undefined) {
    if (!isValidNationalId(sub))
      throw unauthenticated(
        'The access token names no organisation ("org") and its subject is not a national ID',
      );
    return { kind: 'citizen', subject: sub };
  }
  if (typeof org !== 'string' || !isOrganisationCode(org))
    throw unauthenticated('The access token\'s "org" is not an organisation code');
  if (roles !== undefined && !isStringArray(roles))
    throw unauthenticated('The access token\'s "roles" must be a list of strings');
  return { kind: 'organisation', subject: sub, organisation: org, roles: roles ?? [] };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');
}
