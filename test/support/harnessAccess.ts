import { SignJWT } from 'jose';
import { AGENCY_NAMES } from '../../platform/agencies';
import type { Db } from '../../platform/db/createDb';
import {
  DEMO_IDENTITY_PROVIDER,
  demoIdentityPrivateKey,
} from '../../demo/identity/demoIdentityProvider';

const EVERY_TYPE = [
  'Person.*',
  'Address.*',
  'Household.*',
  'IncomeAssessment.*',
  'BenefitClaim.*',
  'Vaccination.*',
  'GpRegistration.*',
  'Vehicle.*',
  'DrivingLicence.*',
  'Company.*',
  'BoardSeat.*',
];

export const HARNESS_PURPOSE = 'system-testing';

/**
 * Grants an organisation of its own, used by one test file only, every field of every agency:
 * tests about batching or load read the whole graph without borrowing a persona's rights,
 * which other test files running at the same time rely on. Returns the cleanup.
 */
export async function grantHarnessAccess(
  db: Db,
  organisation: string,
): Promise<() => Promise<void>> {
  await db('governance.organisation').insert({
    code: organisation,
    name: `Test harness ${organisation}`,
    kind: 'public-body',
  });
  await db('governance.agreement').insert(
    AGENCY_NAMES.map((provider) => ({
      id: `TEST-${organisation}-${provider}`,
      title: 'Whole-graph access for a test harness',
      provider,
      consumer: organisation,
      purposes: [HARNESS_PURPOSE],
      fields: EVERY_TYPE,
      form: 'full',
      legal_basis: 'Test database only',
      legal_basis_kind: 'law',
      special_category: true,
      reuse_terms: 'Test data only.',
      valid_from: '2000-01-01',
    })),
  );
  return async () => {
    await db('governance.agreement').where({ consumer: organisation }).delete();
    await db('governance.organisation').where({ code: organisation }).delete();
  };
}

/** A demo identity provider token for the harness organisation. */
export function harnessToken(organisation: string): Promise<string> {
  return new SignJWT({ org: organisation, roles: [] })
    .setProtectedHeader({ alg: 'EdDSA', kid: DEMO_IDENTITY_PROVIDER.keyId })
    .setSubject(`${organisation}-client`)
    .setIssuer(DEMO_IDENTITY_PROVIDER.issuer)
    .setAudience(DEMO_IDENTITY_PROVIDER.audience)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(demoIdentityPrivateKey());
}
