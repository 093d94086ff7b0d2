import type { Db } from '../../platform/db/createDb';
import { registerMaskedResearcher, type MaskedResearcher } from '../support/maskedResearcher';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import { expectData, expectForbidden, forbiddenErrors } from './support/graphqlExpectations';

const STATISTICIAN = { persona: 'statistician', purpose: 'official-statistics' };
const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' };
const PAGE = 50;

interface Person {
  nationalId?: string;
  givenName: string | null;
  dateOfBirth: string | null;
  address: { municipality: string | null; street: string | null } | null;
  incomeAssessments: { year: number; incomeBand: string; taxableIncome: number | null }[] | null;
}

const people = (fields: string) => `{ people(first: ${PAGE}) { nodes { ${fields} } } }`;
const FIELDS = `givenName dateOfBirth address { municipality street }
  incomeAssessments { year incomeBand taxableIncome }`;

/** What a masked-only research body should see of what a caseworker sees in full. */
function masked({ dateOfBirth, address, incomeAssessments }: Person): Person {
  return {
    givenName: null,
    dateOfBirth: dateOfBirth === null ? null : dateOfBirth.slice(0, 4),
    address: address && { municipality: address.municipality, street: null },
    incomeAssessments:
      incomeAssessments &&
      incomeAssessments.map(({ year, incomeBand }) => ({ year, incomeBand, taxableIncome: null })),
  };
}

let federation: TestFederation;
let db: Db;
let researcher: MaskedResearcher;
let RESEARCHER: { headers: Record<string, string> };
beforeAll(async () => {
  federation = await startTestFederation();
  db = connectTestDatabase(2);
  researcher = await registerMaskedResearcher(db, federation);
  RESEARCHER = { headers: researcher.headers };
});
afterAll(async () => {
  await researcher?.organisation.remove();
  await db?.destroy();
  await federation.stop();
});

describe('masked data for research', () => {
  it('releases no microdata to the statistician, whose agreements grant aggregates only', async () => {
    const response = await federation.query(
      '{ people(first: 5) { nodes { dateOfBirth address { municipality } incomeAssessments { incomeBand } } } }',
      STATISTICIAN,
    );
    expectForbidden(
      response,
      ['people', 'nodes', 0, 'dateOfBirth'],
      'no agreement grants population/Person.dateOfBirth to statistics-office for official-statistics',
    );
    expectForbidden(response, ['people', 'nodes', 0, 'incomeAssessments']);
  });

  it('releases a page of people to a masked-only research body only in masked form', async () => {
    const response = await federation.query<{ people: { nodes: Person[] } }>(
      people(FIELDS),
      RESEARCHER,
    );
    const { nodes } = response.body.data!.people;
    expect(nodes).toHaveLength(PAGE);
    nodes.forEach((person, i) => {
      const at = ['people', 'nodes', i];
      expect(person.dateOfBirth).toMatch(/^\d{4}$/);
      expectForbidden(
        response,
        [...at, 'givenName'],
        `to ${researcher.organisation.code} for official-statistics`,
      );
      if (person.address !== null) {
        expect(person.address.municipality).toEqual(expect.any(String));
        expectForbidden(response, [...at, 'address', 'street'], 'population/Address.street');
      }
      (person.incomeAssessments ?? []).forEach((assessment, j) => {
        expect(assessment.incomeBand).toMatch(/^\d+-\d+$/);
        expectForbidden(
          response,
          [...at, 'incomeAssessments', j, 'taxableIncome'],
          'tax/IncomeAssessment.taxableIncome',
        );
      });
    });
    expect(nodes.some((person) => (person.incomeAssessments ?? []).length > 0)).toBe(true);
    expect(nodes.some((person) => person.address !== null)).toBe(true);
    expect(
      forbiddenErrors(response).every((e) => e.extensions?.purpose === 'official-statistics'),
    ).toBe(true);
  });

  it('equals the masked form of what a caseworker sees of the same people', async () => {
    const full = expectData<{ people: { nodes: Person[] } }>(
      await federation.query(people(FIELDS), CASEWORKER),
    ).people.nodes;
    const statistics = (
      await federation.query<{ people: { nodes: Person[] } }>(people(FIELDS), RESEARCHER)
    ).body.data!.people.nodes;
    expect(full.every((person) => person.givenName !== null)).toBe(true);
    expect(statistics).toEqual(full.map(masked));
  });

  it('never releases a national ID to a masked-only research body', async () => {
    const response = await federation.query(people('nationalId dateOfBirth'), RESEARCHER);
    const denials = forbiddenErrors(response).filter(
      (e) => e.extensions?.field === 'Person.nationalId',
    );
    expect(denials).toHaveLength(PAGE);
    expect(denials[0]?.message).toContain(
      `no agreement grants population/Person.nationalId to ${researcher.organisation.code}`,
    );
    const national = (await federation.query(people('nationalId'), CASEWORKER)).body.data as {
      people: { nodes: { nationalId: string }[] };
    };
    const text = JSON.stringify(response.body);
    for (const { nationalId } of national.people.nodes)
      expect(text).not.toContain(nationalId.slice(0, 7));
  });
});
