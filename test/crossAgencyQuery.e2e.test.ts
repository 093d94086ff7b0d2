import { SHOWCASE } from '../demo/showcase';
import { startTestFederation, type TestFederation } from './support/testFederation';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

describe('one query across all six agencies', () => {
  it("returns the showcase person's records from every agency through the gateway", async () => {
    const { status, body } = await federation.query(
      `query Showcase($id: ID!) {
        person(nationalId: $id) {
          givenName
          address { city }
          incomeAssessments { year taxableIncome }
          benefitClaims { benefit }
          vaccinations { vaccine }
          vehicles { make }
          boardMemberships { name }
        }
      }`,
      // Only she may see all of it: the citizen reads her own data from every agency.
      { variables: { id: SHOWCASE.nationalId }, persona: 'citizen' },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const person = (body.data as { person: Record<string, unknown> }).person;
    expect(person).toMatchObject({
      givenName: 'Mari',
      address: { city: 'Tartu' },
      vehicles: [{ make: 'Toyota' }],
      boardMemberships: [{ name: 'Tamm Tarkvara OÜ' }],
    });
    expect(person.incomeAssessments).toHaveLength(5);
    expect(person.incomeAssessments).toContainEqual({ year: 2021, taxableIncome: 38400 });
    expect(person.benefitClaims).toHaveLength(1);
    expect((person.vaccinations as { vaccine: string }[]).map((v) => v.vaccine).sort()).toEqual([
      'COVID-19',
      'Influenza',
    ]);
  });

  it('follows entities back and forth: a company, its board, their households', async () => {
    const { body } = await federation.query(
      `{ company(registryCode: "${SHOWCASE.companyRegistryCode}") {
           name
           boardMembers { familyName household { members { givenName } } }
         } }`,
      { persona: 'caseworker', purpose: 'benefit-eligibility' },
    );
    expect(body.errors).toBeUndefined();
    const company = (
      body.data as {
        company: {
          name: string;
          boardMembers: { familyName: string; household: { members: { givenName: string }[] } }[];
        };
      }
    ).company;
    expect(company.name).toBe('Tamm Tarkvara OÜ');
    expect(company.boardMembers).toHaveLength(1);
    expect(company.boardMembers[0]!.household.members.map((m) => m.givenName)).toEqual([
      'Jaan',
      'Mari',
      'Liisa',
      'Mihkel',
    ]);
  });
});
