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
  grantAgreement(input: $input) { id consumer status version inForce pendingProposal { version } }
}`;
const APPROVE = `mutation($id: ID!, $version: Int!) {
  approveAgreement(id: $id, version: $version) { id status version inForce }
}`;
const HISTORY = `query($id: ID!) {
  agreement(id: $id) { history { version action changedBy proposedBy } }
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
  const token = await organisationToken({ organisation: organisation.code, roles: [] });
  asOrganisation = { authorization: `Bearer ${token}`, 'x-purpose': PURPOSE };
});
afterAll(async () => {
  await organisation?.remove();
  await db?.destroy();
  await federation?.stop();
});

/** A new agreement letting the test organisation read names from the population register. */
function agreementInput(fields = ['Person.givenName', 'Person.familyName']) {
  return {
    id: `DSA-AUTHZ-${randomBytes(4).toString('hex').toUpperCase()}`,
    title: 'Names of benefit claimants, for an authorization test',
    provider: 'population',
    consumer: organisation.code,
    purposes: [PURPOSE],
    fields,
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

/** Proposes an agreement as the steward: registered, and in force for nobody. */
async function proposeAsSteward(input = agreementInput()): Promise<string> {
  const proposed = await federation.query<{ grantAgreement: { id: string } }>(GRANT, {
    persona: 'steward',
    variables: { input },
  });
  expect(expectData(proposed).grantAgreement).toEqual({
    id: input.id,
    consumer: organisation.code,
    status: 'PROPOSED',
    version: 0,
    inForce: false,
    pendingProposal: { version: 1 },
  });
  return input.id;
}

/** Approves a proposal as the population register's data controller. */
async function approveAsController(id: string, version = 1) {
  const approved = await federation.query(APPROVE, {
    persona: 'population-controller',
    variables: { id, version },
  });
  expect(expectData(approved)).toEqual({
    approveAgreement: { id, status: 'ACTIVE', version, inForce: true },
  });
}

async function grantAsSteward(input = agreementInput()): Promise<string> {
  const id = await proposeAsSteward(input);
  await approveAsController(id);
  return id;
}

describe('granting and revoking an agreement through the gateway', () => {
  it('lets the organisation read under a new agreement, and stops within a second of its revocation', async () => {
    // Without an agreement the organisation may not identify anyone, so not even look her up.
    expectForbidden(
      await read(),
      ['person'],
      `no agreement grants population/Person.nationalId to ${organisation.code} for ${PURPOSE}`,
    );

    const id = await proposeAsSteward();
    // Longer than any subgraph takes to see a change: the proposal must still release nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expectForbidden(
      await read(),
      ['person'],
      `no agreement grants population/Person.nationalId to ${organisation.code} for ${PURPOSE}`,
    );

    const grantSent = performance.now();
    await approveAsController(id);
    const granted = Math.round(performance.now() - grantSent) + (await timeUntil(isAllowed));
    report('approval applied in', granted);
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

  it("applies a revocation by the provider's data controller alone, at once", async () => {
    // A field of its own: the agreements of the tests before it are still in force.
    const readSex = () =>
      federation.query(`{ person(nationalId: "${SHOWCASE.nationalId}") { sex } }`, {
        headers: asOrganisation,
      });
    const id = await grantAsSteward(agreementInput(['Person.sex']));
    await timeUntil(async () => (await readSex()).body.errors === undefined);
    const history = await federation.query(HISTORY, { persona: 'steward', variables: { id } });
    expect(expectData(history)).toEqual({
      agreement: {
        history: [
          {
            version: 1,
            action: 'APPROVED',
            changedBy: expect.stringMatching(/^population-register\//),
            proposedBy: expect.stringMatching(/^information-system-authority\//),
          },
        ],
      },
    });

    const revokeSent = performance.now();
    const revoked = await federation.query(REVOKE, {
      persona: 'population-controller',
      variables: { id, reason: 'The controller ends the sharing' },
    });
    expect(expectData(revoked)).toMatchObject({
      revokeAgreement: { id, status: 'REVOKED', inForce: false },
    });
    const elapsed =
      Math.round(performance.now() - revokeSent) +
      (await timeUntil(async () => forbiddenErrors(await readSex()).length > 0));
    report("controller's revocation applied in", elapsed);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('refuses the steward who proposed an agreement the approval', async () => {
    const id = await proposeAsSteward();
    expectForbidden(
      await federation.query(APPROVE, { persona: 'steward', variables: { id, version: 1 } }),
      ['approveAgreement'],
      'reserved to holders of the data-controller role',
    );
    const register = await federation.query(REGISTERED, { variables: { id } });
    expect(expectData(register)).toEqual({
      agreement: { id, status: 'PROPOSED', version: 0, inForce: false },
    });
  });
});
