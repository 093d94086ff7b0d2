import { SHOWCASE } from '../../demo/showcase';
import { registrationNumber } from '../../demo/personRecords';
import { nationalIdFor } from '../../platform/identity/nationalId';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import {
  expectData,
  expectForbidden,
  forbiddenErrors,
  valueAt,
} from './support/graphqlExpectations';

const STATISTICIAN = { persona: 'statistician', purpose: 'official-statistics' };
const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' };
const POLICE = { persona: 'police-officer', purpose: 'traffic-control' };
const BANK = { persona: 'bank', purpose: 'loan-application' };
const MARI_AS_CITIZEN = { persona: 'citizen' };
const PUBLIC = {};

/** A well-formed national ID that nobody in the register has. */
const NOBODY = nationalIdFor('2099-01-01', 'F', 999);
/** The second car of the showcase household, registered to her partner. */
const PARTNER_VEHICLE = registrationNumber(1);
/** A well-formed registration number that no vehicle has. */
const NO_VEHICLE = '999ZZZ';
/** The masked forms of the showcase person's data: none may reach a caller who cannot identify her. */
const MARI_MASKED = ['"1985"'];

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

/** Every error of a response as code and message: what a caller can tell answers apart by. */
function answers(response: Awaited<ReturnType<TestFederation['query']>>) {
  return (response.body.errors ?? []).map((e) => [e.extensions?.code, e.message]);
}

describe('masked data cannot be linked back to a person', () => {
  it("does not follow a board seat's public name to the masked data of the person holding it", async () => {
    const response = await federation.query(
      `{ company(registryCode: "${SHOWCASE.companyRegistryCode}") {
          boardSeats { name person { dateOfBirth address { municipality } incomeAssessments { incomeBand } } }
          boardMembers { dateOfBirth }
      } }`,
      STATISTICIAN,
    );
    expect(valueAt(response.body.data, ['company', 'boardSeats', 0, 'name'])).toBe('Mari Tamm');
    expectForbidden(response, ['company', 'boardSeats', 0, 'person'], 'official-statistics');
    expectForbidden(response, ['company', 'boardMembers'], 'official-statistics');
    const text = JSON.stringify(response.body);
    for (const value of MARI_MASKED) expect(text).not.toContain(value);
  });

  it('refuses a lookup by national ID to a caller granted masked data only', async () => {
    const response = await federation.query(
      `{ person(nationalId: "${SHOWCASE.nationalId}") {
          dateOfBirth address { municipality } incomeAssessments { year incomeBand } } }`,
      STATISTICIAN,
    );
    expect(response.body.data).toEqual({ person: null });
    expectForbidden(response, ['person'], "ties records to a person's identity");
    for (const value of MARI_MASKED) expect(JSON.stringify(response.body)).not.toContain(value);
  });

  it('refuses a lookup by registration number to a caller granted masked data only', async () => {
    const response = await federation.query(
      `{ vehicle(registrationNumber: "${SHOWCASE.vehicleRegistration}") { owner { dateOfBirth } } }`,
      STATISTICIAN,
    );
    expect(response.body.data).toEqual({ vehicle: null });
    expectForbidden(response, ['vehicle'], "ties records to a person's identity");
  });

  it('still lets a caller who may identify people look them up and follow board seats', async () => {
    const data = expectData(
      await federation.query(
        `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName }
           company(registryCode: "${SHOWCASE.companyRegistryCode}") { boardSeats { person { givenName } } } }`,
        CASEWORKER,
      ),
    );
    expect(data).toEqual({
      person: { givenName: 'Mari' },
      company: { boardSeats: [{ person: { givenName: 'Mari' } }] },
    });
  });
});

describe('a lookup tells a caller who may not read the person nothing about existence', () => {
  const cases: [string, object][] = [
    ['the public', PUBLIC],
    ['a statistician', STATISTICIAN],
    ['a citizen asking about someone else', MARI_AS_CITIZEN],
    ['a bank asking about someone who has not consented', BANK],
  ];

  it.each(cases)('gives %s one answer for an existing and a missing national ID', async (_, as) => {
    const ask = (nationalId: string) =>
      federation.query(`{ person(nationalId: "${nationalId}") { familyName } }`, as);
    const existing = await ask(SHOWCASE.partnerId);
    const missing = await ask(NOBODY);
    expect(missing.body).toEqual(existing.body);
    expect(missing.status).toBe(existing.status);
    expect(answers(existing)).toEqual([['FORBIDDEN', expect.any(String)]]);
  });

  it.each(cases)(
    'gives %s one answer for an existing and a missing registration number',
    async (_, as) => {
      const ask = (registrationNumber: string) =>
        federation.query(`{ vehicle(registrationNumber: "${registrationNumber}") { make } }`, as);
      // The showcase car is the citizen's own and one she may read: ask about another one.
      const existing = await ask(PARTNER_VEHICLE);
      const missing = await ask(NO_VEHICLE);
      expect(missing.body).toEqual(existing.body);
      expect(answers(existing)).toEqual([['FORBIDDEN', expect.any(String)]]);
    },
  );

  it('gives the same answer to every alias of many IDs, existing or not, in one request', async () => {
    const ids = [
      SHOWCASE.partnerId,
      NOBODY,
      ...SHOWCASE.childIds,
      nationalIdFor('2098-02-02', 'M', 998),
    ];
    const response = await federation.query(
      `{ ${ids.map((id, i) => `p${i}: person(nationalId: "${id}") { givenName }`).join(' ')} }`,
      STATISTICIAN,
    );
    expect(response.body.data).toEqual(Object.fromEntries(ids.map((_, i) => [`p${i}`, null])));
    const errors = forbiddenErrors(response);
    expect(errors).toHaveLength(ids.length);
    expect(new Set(errors.map((e) => e.message)).size).toBe(1);
    expect(new Set(errors.map((e) => JSON.stringify(e.extensions))).size).toBe(1);
  });

  it('still tells a caller who may identify everyone that a national ID is not registered', async () => {
    const response = await federation.query(
      `{ person(nationalId: "${NOBODY}") { familyName } vehicle(registrationNumber: "${NO_VEHICLE}") { make } }`,
      POLICE,
    );
    expect(answers(response).map(([code]) => code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });
});
