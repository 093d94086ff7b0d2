import { randomBytes } from 'node:crypto';
import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { organisationToken } from '../support/organisationToken';
import { connectTestDatabase } from '../support/testDatabase';
import { registerTestOrganisation, type TestOrganisation } from '../support/testOrganisation';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import {
  expectData,
  expectForbidden,
  forbiddenErrors,
  valueAt,
} from './support/graphqlExpectations';
import { report, timeUntil } from './support/timeUntil';

const PURPOSE = 'benefit-eligibility';
const READ = `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName } }`;
const GRANT = `mutation($input: GrantAgreementInput!) {
  grantAgreement(input: $input) { id consumer status version inForce }
}`;
const REVOKE = `mutation($id: ID!, $reason: String!) {
  revokeAgreement(id: $id, reason: $reason) { id status inForce revokedReason }
}`;
const REGISTERED = `query($id: ID!) { agreement(id: $id) { id status version inForce } }`;

let federation: TestFederation;
/** The test's own connection: subgraphs may connect as service roles that cannot register organisations. */
let db: Db;
let organisation: TestOrganisation;
let asOrganisation: Record<string, string>;

beforeAll(async () => {
  federation = await startTestFederation();
  db = connectTestDatabase(2);
  organisation = await registerTestOrganisation(db, 'authz');
  const token = await organisationToken({ organisation: organisation.code, roles: ['clerk'] });
  asOrganisation = { authorization: `Bearer ${token}`, 'x-purpose': PURPOSE };
});
afterAll(async () => {
  await organisation?.remove();
  await db?.destroy();
  await federation?.stop();
});

/** A new agreement letting the test organisation read names from the population register. */
function agreementInput() {
  return {
    id: `DSA-AUTHZ-${randomBytes(4).toString('hex').toUpperCase()}`,
    title: 'Names of benefit claimants, for an authorization test',
    provider: 'population',
    consumer: organisation.code,
    purposes: [PURPOSE],
    fields: ['Person.givenName', 'Person.familyName'],
    legalBasis: 'Test database only',
    legalBasisKind: 'LAW',
    reuseTerms: 'Test data only.',
    retentionDays: 1,
    validFrom: '2026-01-01',
  };
}

const read = () => federation.query(READ, { headers: asOrganisation });
const isAllowed = async () => {
  const { body } = await read();
  return body.errors === undefined && valueAt(body.data, ['person', 'givenName']) === 'Mari';
};
const isDenied = async () => forbiddenErrors(await read()).length > 0;

async function grantAsSteward(input = agreementInput()): Promise<string> {
  const granted = await federation.query<{ grantAgreement: { id: string } }>(GRANT, {
    persona: 'steward',
    variables: { input },
  });
  expect(expectData(granted).grantAgreement).toEqual({
    id: input.id,
    consumer: organisation.code,
    status: 'ACTIVE',
    version: 1,
    inForce: true,
  });
  return input.id;
}

describe('granting and revoking an agreement through the gateway', () => {
  it('lets the organisation read under a new agreement, and stops within a second of its revocation', async () => {
    // Without an agreement the organisation may not identify anyone, so not even look her up.
    expectForbidden(
      await read(),
      ['person'],
      `no agreement grants population/Person.nationalId to ${organisation.code} for ${PURPOSE}`,
    );

    const grantSent = performance.now();
    const id = await grantAsSteward();
    const granted = Math.round(performance.now() - grantSent) + (await timeUntil(isAllowed));
    report('grant applied in', granted);
    const allowed = await read();
    expect(expectData(allowed)).toEqual({ person: { givenName: 'Mari' } });
    expect(allowed.body.extensions?.dataUse).toContainEqual(
      expect.objectContaining({ agency: 'population', basis: 'agreement', agreement: id }),
    );

    const revokeSent = performance.now();
    const revoked = await federation.query(REVOKE, {
      persona: 'steward',
      variables: { id, reason: 'Authorization test: the sharing ends' },
    });
    expect(expectData(revoked)).toEqual({
      revokeAgreement: {
        id,
        status: 'REVOKED',
        inForce: false,
        revokedReason: 'Authorization test: the sharing ends',
      },
    });
    const elapsed = Math.round(performance.now() - revokeSent) + (await timeUntil(isDenied));
    report('revocation applied in', elapsed);
    expect(elapsed).toBeLessThan(1_000);

    const denied = await read();
    expectForbidden(
      denied,
      ['person'],
      `no agreement grants population/Person.nationalId to ${organisation.code} for ${PURPOSE}`,
    );
    expect(denied.body.extensions?.dataUse ?? []).not.toContainEqual(
      expect.objectContaining({ agreement: id }),
    );
  });

  it('refuses a caseworker who tries to grant an agreement, and registers nothing', async () => {
    const input = agreementInput();
    const response = await federation.query(GRANT, {
      persona: 'caseworker',
      purpose: PURPOSE,
      variables: { input },
    });
    expectForbidden(
      response,
      ['grantAgreement'],
      'reserved to holders of the governance-admin role',
    );
    const register = await federation.query(REGISTERED, { variables: { id: input.id } });
    expect(register.body.data).toEqual({ agreement: null });
    expect(register.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a caseworker who tries to revoke an agreement, which stays in force', async () => {
    const id = await grantAsSteward();
    await timeUntil(isAllowed);

    const response = await federation.query(REVOKE, {
      persona: 'caseworker',
      purpose: PURPOSE,
      variables: { id, reason: 'A caseworker would like it gone' },
    });
    expectForbidden(
      response,
      ['revokeAgreement'],
      'reserved to holders of the governance-admin role',
    );
    const register = await federation.query(REGISTERED, { variables: { id } });
    expect(expectData(register)).toEqual({
      agreement: { id, status: 'ACTIVE', version: 1, inForce: true },
    });
    expect(expectData(await read())).toEqual({ person: { givenName: 'Mari' } });
  });
});
