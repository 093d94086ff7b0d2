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

/** What a statistician should see of what a caseworker sees in full. */
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
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

describe('masked data for official statistics', () => {
  it('releases a page of people to a statistician only in masked form', async () => {
    const response = await federation.query<{ people: { nodes: Person[] } }>(
      people(FIELDS),
      STATISTICIAN,
    );
    const { nodes } = response.body.data!.people;
    expect(nodes).toHaveLength(PAGE);
    nodes.forEach((person, i) => {
      const at = ['people', 'nodes', i];
      expect(person.dateOfBirth).toMatch(/^\d{4}$/);
      expectForbidden(
        response,
        [...at, 'givenName'],
        'to statistics-office for official-statistics',
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
      await federation.query<{ people: { nodes: Person[] } }>(people(FIELDS), STATISTICIAN)
    ).body.data!.people.nodes;
    expect(full.every((person) => person.givenName !== null)).toBe(true);
    expect(statistics).toEqual(full.map(masked));
  });

  it('never releases a national ID to a statistician', async () => {
    const response = await federation.query(people('nationalId dateOfBirth'), STATISTICIAN);
    const denials = forbiddenErrors(response).filter(
      (e) => e.extensions?.field === 'Person.nationalId',
    );
    expect(denials).toHaveLength(PAGE);
    expect(denials[0]?.message).toContain(
      'no agreement grants population/Person.nationalId to statistics-office',
    );
    const national = (await federation.query(people('nationalId'), CASEWORKER)).body.data as {
      people: { nodes: { nationalId: string }[] };
    };
    const text = JSON.stringify(response.body);
    for (const { nationalId } of national.people.nodes)
      expect(text).not.toContain(nationalId.slice(0, 7));
  });
});
