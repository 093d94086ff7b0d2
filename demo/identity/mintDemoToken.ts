import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { isValidNationalId } from '../../platform/identity/nationalId';
import { DEMO_IDENTITY_PROVIDER, demoIdentityPrivateKey } from './demoIdentityProvider';
import { type Persona, PERSONAS, type PersonaName } from './personas';

/** Demo tokens are good for an hour. */
export const DEMO_TOKEN_LIFETIME_SECONDS = 3600;

export interface DemoTokenOptions {
  /** Another national ID as the subject (a person persona only). */
  subject?: string;
  lifetimeSeconds?: number;
}

/**
 * A token of the demo identity provider for a persona, as a client sends it in
 * `Authorization: Bearer`; null for `public`, which sends none.
 */
export async function mintDemoToken(
  persona: PersonaName,
  options: DemoTokenOptions = {},
): Promise<string | null> {
  const { claims } = PERSONAS[persona] as Persona;
  if (!claims) return null;
  let subject = claims.sub;
  if (options.subject !== undefined) {
    if (!isValidNationalId(claims.sub))
      throw new Error(`${persona} is not a person: its subject cannot be changed`);
    if (!isValidNationalId(options.subject))
      throw new Error(`${options.subject} is not a valid national ID`);
    subject = options.subject;
  }
  return new SignJWT({ ...claims, sub: subject })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: DEMO_IDENTITY_PROVIDER.keyId })
    .setIssuer(DEMO_IDENTITY_PROVIDER.issuer)
    .setAudience(DEMO_IDENTITY_PROVIDER.audience)
    .setIssuedAt()
    .setExpirationTime(`${options.lifetimeSeconds ?? DEMO_TOKEN_LIFETIME_SECONDS}s`)
    .setJti(randomUUID())
    .sign(demoIdentityPrivateKey());
}
