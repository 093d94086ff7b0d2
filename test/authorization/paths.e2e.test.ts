import { PERSONAS } from '../../demo/identity/personas';
import { DEFAULT_REQUEST_LIMITS } from '../../gateway/limits/requestLimits';
import { SHOWCASE } from '../../demo/showcase';
import { anonymousRequest, type RequestIdentity } from '../../platform/identity/RequestIdentity';
import type { Db } from '../../platform/db/createDb';
import { registerMaskedResearcher, type MaskedResearcher } from '../support/maskedResearcher';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import {
  expectData,
  expectForbidden,
  forbiddenErrors,
  valueAt,
} from './support/graphqlExpectations';

const MARI = `person(nationalId: "${SHOWCASE.nationalId}")`;
const PUBLIC = {};
const PHYSICIAN = { persona: 'physician', purpose: 'medical-treatment' };
let federation: TestFederation;
let db: Db;
let researcher: MaskedResearcher;
beforeAll(async () => {
  federation = await startTestFederation();
  db = connectTestDatabase(2);
  researcher = await registerMaskedResearcher(db, federation);
});
afterAll(async () => {
  await researcher?.organisation.remove();
  await db?.destroy();
  await federation.stop();
});

describe('no way of asking returns a denied field', () => {
  it('denies a field under aliases', async () => {
    const response = await federation.query(
      `{ a: ${MARI} { x: household { id } } b: ${MARI} { y: household { id } z: parents { id: __typename } } }`,
      PHYSICIAN,
    );
    expect(response.body.data).toEqual({ a: { x: null }, b: { y: null, z: null } });
    expectForbidden(response, ['a', 'x'], 'population/Person.household');
    expectForbidden(response, ['b', 'y'], 'population/Person.household');
    expectForbidden(response, ['b', 'z'], 'population/Person.parents');
  });

  it('denies a field behind named fragments, inline fragments and fragments within fragments', async () => {
    const response = await federation.query(
      `query {
        ${MARI} { ...Family ... on Person { drivingLicence { ...Licence } } ... { parents { id: __typename } } }
      }
      fragment Family on Person { household { id } ...Relatives }
      fragment Relatives on Person { children { id: __typename } }
      fragment Licence on DrivingLicence { licenceNumber }`,
      PHYSICIAN,
    );
    for (const path of [
      ['person', 'household'],
      ['person', 'children'],
      ['person', 'drivingLicence'],
      ['person', 'parents'],
    ]) {
      expectForbidden(response, path);
    }
    expect(response.body.data).toEqual({
      person: { household: null, children: null, drivingLicence: null, parents: null },
    });
  });

  it('does not lead the public from the open company register to the board members themselves', async () => {
    const response = await federation.query(
      `{ company(registryCode: "${SHOWCASE.companyRegistryCode}") {
          name boardMembers { givenName } boardSeats { name person { givenName familyName } }
      } }`,
      PUBLIC,
    );
    expect(valueAt(response.body.data, ['company', 'name'])).toBe('Tamm Tarkvara OÜ');
    // The name filed with the register is public by law; the person behind it is not.
    expect(valueAt(response.body.data, ['company', 'boardSeats', 0, 'name'])).toBe('Mari Tamm');
    const reason = "ties records to a person's identity";
    expectForbidden(response, ['company', 'boardMembers'], reason);
    expectForbidden(response, ['company', 'boardSeats', 0, 'person'], reason);
  });

  it("denies a physician a car owner's name through the car, though it is hers to read directly", async () => {
    const response = await federation.query(
      `{ ${MARI} { givenName }
         vehicle(registrationNumber: "${SHOWCASE.vehicleRegistration}") { owner { givenName } } }`,
      PHYSICIAN,
    );
    expect(valueAt(response.body.data, ['person', 'givenName'])).toBe('Mari');
    expect(valueAt(response.body.data, ['vehicle', 'owner']) ?? null).toBeNull();
    const owner = forbiddenErrors(response).find((e) => e.extensions?.field === 'Vehicle.owner');
    expect(owner?.path).toEqual(['vehicle', 'owner']);
    expect(owner?.message).toContain('no agreement grants transport/Vehicle.owner to health-board');
  });

  it('denies a masked-only research body households and family, however they are reached', async () => {
    const response = await federation.query(
      `{ people(first: 3) { nodes { dateOfBirth household { members { givenName } }
           parents { dateOfBirth } children { dateOfBirth } } } }`,
      { headers: researcher.headers },
    );
    for (const i of [0, 1, 2]) {
      expect(valueAt(response.body.data, ['people', 'nodes', i, 'dateOfBirth'])).toMatch(/^\d{4}$/);
      expectForbidden(response, ['people', 'nodes', i, 'household'], 'population/Person.household');
      expectForbidden(response, ['people', 'nodes', i, 'parents'], 'population/Person.parents');
      expectForbidden(response, ['people', 'nodes', i, 'children'], 'population/Person.children');
    }
  });

  it("releases to a citizen her own record in her household, and no one else's", async () => {
    const response = await federation.query(
      '{ me { household { members { givenName address { street } } } } }',
      { persona: 'citizen' },
    );
    const members = valueAt(response.body.data, ['me', 'household', 'members']) as {
      givenName: string | null;
    }[];
    expect(members).toHaveLength(4);
    expect(members.filter((m) => m.givenName !== null)).toEqual([
      { givenName: 'Mari', address: { street: 'Tamme tn 12' } },
    ]);
    members.forEach((member, i) => {
      if (member.givenName !== null) return;
      expectForbidden(
        response,
        ['me', 'household', 'members', i, 'givenName'],
        'only about themself',
      );
      expectForbidden(response, ['me', 'household', 'members', i, 'address']);
    });
  });

  it('answers __typename-only queries without releasing or refusing anything', async () => {
    for (const as of [PUBLIC, PHYSICIAN]) {
      const response = await federation.query(
        `{ __typename ${as === PHYSICIAN ? `${MARI} { __typename }` : ''}
           company(registryCode: "${SHOWCASE.companyRegistryCode}") { boardSeats { __typename } } }`,
        as,
      );
      expect(expectData(response)).toEqual({
        __typename: 'Query',
        ...(as === PHYSICIAN ? { person: { __typename: 'Person' } } : {}),
        company: { boardSeats: [{ __typename: 'BoardSeat' }] },
      });
      const dataUse = (response.body.extensions?.dataUse ?? []) as { basis: string }[];
      expect(dataUse.filter((entry) => entry.basis !== 'public')).toEqual([]);
    }
  });

  const manyAliases = (n: number) => {
    const aliases = Array.from({ length: n }, (_, i) => `p${i}`);
    const query = `{ ${aliases.map((alias) => `${alias}: ${MARI} { givenName familyName }`).join(' ')} }`;
    return { aliases, query };
  };

  it('denies every one of as many aliases of the same person as one request may have', async () => {
    // Aliases at the root are root fields as well, of which a request may have fewer.
    const most = Math.min(DEFAULT_REQUEST_LIMITS.maxAliases, DEFAULT_REQUEST_LIMITS.maxRootFields);
    const { aliases, query } = manyAliases(most);
    const response = await federation.query(query, PUBLIC);
    expect(forbiddenErrors(response)).toHaveLength(aliases.length);
    for (const alias of aliases) {
      expectForbidden(response, [alias], "ties records to a person's identity");
    }
  });

  it('refuses one alias more at the gateway, before any policy is asked', async () => {
    const { query } = manyAliases(DEFAULT_REQUEST_LIMITS.maxAliases + 1);
    const response = await federation.query(query, PUBLIC);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      {
        message: `The operation has more than ${DEFAULT_REQUEST_LIMITS.maxAliases} aliases.`,
        extensions: { code: 'TOO_MANY_ALIASES' },
      },
    ]);
  });
});

describe('subgraphs enforce policy themselves, behind the gateway', () => {
  const ENTITIES = JSON.stringify({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { givenName } } }',
    variables: { r: [{ __typename: 'Person', id: SHOWCASE.nationalId }] },
  });
  const caseworker = PERSONAS.caseworker.claims;
  const CASEWORKER_REQUEST: RequestIdentity = {
    requestId: 'authz-paths-caseworker',
    caller: {
      kind: 'organisation',
      subject: caseworker.sub,
      organisation: caseworker.org,
      roles: caseworker.roles,
    },
    purpose: 'benefit-eligibility',
    caseId: null,
  };
  const askAs = async (identity: RequestIdentity) =>
    federation.postToSubgraph('population', ENTITIES, {
      'x-gateway-token': await federation.mintGatewayToken('population', ENTITIES, identity),
    });

  it('refuses _entities without a gateway token, with no data', async () => {
    const response = await federation.postToSubgraph('population', ENTITIES);
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("denies the public caller a person's name even under a valid gateway token", async () => {
    const response = await askAs(anonymousRequest('authz-paths-public'));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ _entities: [{ givenName: null }] });
    expectForbidden(response, ['_entities', 0, 'givenName'], 'sign in to read it');
  });

  it('releases the same name to a caller the gateway vouches for under an agreement', async () => {
    const response = await askAs(CASEWORKER_REQUEST);
    expect(expectData(response)).toEqual({ _entities: [{ givenName: 'Mari' }] });
  });
});
