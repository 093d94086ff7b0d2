import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { registerMaskedResearcher, type MaskedResearcher } from '../support/maskedResearcher';
import { connectTestDatabase } from '../support/testDatabase';
import {
  type QueryOptions,
  startTestFederation,
  type TestFederation,
} from '../support/testFederation';
import { expectData, forbiddenErrors } from './support/graphqlExpectations';

const CASE_FILE_TERMS =
  'No onward sharing. Keep only in the case file; delete when the retention period of the case ends.';
const MARI = `person(nationalId: "${SHOWCASE.nationalId}")`;

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

type Entry = Record<string, unknown>;

async function dataUseOf(query: string, as: QueryOptions) {
  const response = await federation.query(query, as);
  return { response, dataUse: (response.body.extensions?.dataUse ?? []) as Entry[] };
}

const agreementsIn = (dataUse: Entry[]) => dataUse.filter((entry) => entry.basis === 'agreement');

describe('extensions.dataUse: the terms each agency released data under', () => {
  it("names both agreements a caseworker's identity and income query rests on, with their terms", async () => {
    const { response, dataUse } = await dataUseOf(
      `{ ${MARI} { givenName dateOfBirth incomeAssessments { year taxableIncome } } }`,
      { persona: 'caseworker', purpose: 'benefit-eligibility' },
    );
    expectData(response);
    expect(agreementsIn(dataUse)).toEqual(
      expect.arrayContaining([
        {
          agency: 'population',
          purpose: 'benefit-eligibility',
          basis: 'agreement',
          agreement: 'DSA-SIB-POP-01',
          title: 'Identity and family of benefit claimants',
          legalBasis: 'Social Welfare Act § 30; Population Register Act § 47',
          reuseTerms: CASE_FILE_TERMS,
          onwardSharing: false,
          retentionDays: 2555,
          licence: null,
          form: 'full',
        },
        {
          agency: 'tax',
          purpose: 'benefit-eligibility',
          basis: 'agreement',
          agreement: 'DSA-SIB-TAX-01',
          title: 'Income of benefit claimants',
          legalBasis: 'Social Welfare Act § 30; Taxation Act § 29',
          reuseTerms: CASE_FILE_TERMS,
          onwardSharing: false,
          retentionDays: 2555,
          licence: null,
          form: 'full',
        },
      ]),
    );
    expect(agreementsIn(dataUse)).toHaveLength(2);
  });

  it('names only the agreements of agencies that released something', async () => {
    const { dataUse } = await dataUseOf(`{ ${MARI} { givenName benefitClaims { benefit } } }`, {
      persona: 'caseworker',
      purpose: 'benefit-eligibility',
    });
    expect(
      agreementsIn(dataUse)
        .map((entry) => entry.agreement)
        .sort(),
    ).toEqual(['DSA-SIB-POP-01', 'DSA-SIB-SOC-01']);
  });

  it('marks what a masked-only research body receives as masked, under its terms', async () => {
    const { dataUse } = await dataUseOf(
      `{ people(first: 20) { nodes { dateOfBirth incomeAssessments { incomeBand } } } }`,
      { headers: researcher.headers },
    );
    expect(agreementsIn(dataUse)).toHaveLength(2);
    expect(agreementsIn(dataUse)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          agency: 'population',
          agreement: researcher.agreements.population,
          form: 'masked',
          retentionDays: 365,
          reuseTerms: expect.stringContaining('never re-identify'),
        }),
        expect.objectContaining({
          agency: 'tax',
          agreement: researcher.agreements.tax,
          form: 'masked',
        }),
      ]),
    );
  });

  it("names the aggregate agreements a statistician's table was released under", async () => {
    const { response, dataUse } = await dataUseOf(
      '{ statistics(population: CHILD_ALLOWANCE_RECIPIENTS, by: [MUNICIPALITY]) { cells { value } } }',
      { persona: 'statistician', purpose: 'official-statistics' },
    );
    expectData(response);
    expect(
      agreementsIn(dataUse)
        .map((entry) => entry.agreement)
        .sort(),
    ).toEqual(['DSA-STAT-POP-01', 'DSA-STAT-SIB-01']);
  });

  it("names a bank's consent agreements only for a person who consented", async () => {
    const query = (id: string) =>
      `{ person(nationalId: "${id}") { givenName incomeAssessments { incomeBand } } }`;
    const bank = { persona: 'bank', purpose: 'loan-application' };
    const consented = await dataUseOf(query(SHOWCASE.nationalId), bank);
    expect(
      agreementsIn(consented.dataUse)
        .map((entry) => entry.agreement)
        .sort(),
    ).toEqual(['DSA-BANK-POP-01', 'DSA-BANK-TAX-01']);
    // The partner has not consented: the bank may not even look him up.
    const refused = await dataUseOf(query(SHOWCASE.partnerId), bank);
    expect(forbiddenErrors(refused.response)).toHaveLength(1);
    expect(agreementsIn(refused.dataUse)).toEqual([]);
  });

  it('tells a citizen reading her own data that it is hers, per agency', async () => {
    const { response, dataUse } = await dataUseOf(
      `{ me { givenName incomeAssessments { year } vehicles { make } } }`,
      { persona: 'citizen' },
    );
    expectData(response);
    const ownData = {
      purpose: null,
      basis: 'own-data',
      reuseTerms: expect.stringContaining('GDPR art. 15'),
    };
    expect(dataUse).toEqual(
      expect.arrayContaining([
        { agency: 'population', ...ownData },
        { agency: 'tax', ...ownData },
        { agency: 'transport', ...ownData },
      ]),
    );
    expect(agreementsIn(dataUse)).toEqual([]);
  });

  it('gives the public an open licence for company data', async () => {
    const { response, dataUse } = await dataUseOf(
      `{ company(registryCode: "${SHOWCASE.companyRegistryCode}") { name founded boardSeats { name role } } }`,
      {},
    );
    expectData(response);
    expect(dataUse).toEqual([
      {
        agency: 'business',
        purpose: null,
        basis: 'public',
        licence: expect.stringContaining('CC BY 4.0'),
      },
    ]);
  });

  it('names no agreement when everything asked for is refused', async () => {
    const { response, dataUse } = await dataUseOf(
      `{ people(first: 1) { nodes { givenName address { city } incomeAssessments { year } vaccinations { vaccine } } } }`,
      { persona: 'auditor', purpose: 'oversight' },
    );
    expect(forbiddenErrors(response).length).toBeGreaterThanOrEqual(4);
    expect(agreementsIn(dataUse)).toEqual([]);
  });
});
