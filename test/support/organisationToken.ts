import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  DEMO_IDENTITY_PROVIDER,
  demoIdentityPrivateKey,
} from '../../demo/identity/demoIdentityProvider';

/** Who an organisation token speaks for. */
export interface OrganisationClaims {
  /** The organisation's code (the `org` claim). */
  organisation: string;
  roles?: string[];
  /** The official or system signed in; `<organisation>-client` when absent. */
  subject?: string;
}

/**
 * A demo identity provider token for any organisation, as `harnessToken` mints one for the test
 * harness: for callers that are not personas, such as an organisation a test file registers.
 */
export function organisationToken({
  organisation,
  roles = [],
  subject = `${organisation}-client`,
}: OrganisationClaims): Promise<string> {
  return new SignJWT({ org: organisation, roles })
    .setProtectedHeader({ alg: 'EdDSA', kid: DEMO_IDENTITY_PROVIDER.keyId })
    .setSubject(subject)
    .setIssuer(DEMO_IDENTITY_PROVIDER.issuer)
    .setAudience(DEMO_IDENTITY_PROVIDER.audience)
    .setIssuedAt()
    .setExpirationTime('10m')
    .setJti(randomUUID())
    .sign(demoIdentityPrivateKey());
}
