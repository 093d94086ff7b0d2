import { SHOWCASE } from '../../demo/showcase';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import { expectData, expectForbidden } from './support/graphqlExpectations';

const INCOME = `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName incomeAssessments(year: 2021) { taxableIncome } } }`;

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

describe('the declared purpose of use', () => {
  it('refuses a caseworker who declares a purpose her agreements do not serve, naming it', async () => {
    const response = await federation.query(INCOME, {
      persona: 'caseworker',
      purpose: 'tax-assessment',
    });
    // Not even the lookup by national ID: she may not identify anyone for that purpose.
    const lookup = expectForbidden(
      response,
      ['person'],
      'no agreement grants population/Person.nationalId to social-insurance for tax-assessment',
    );
    expect(lookup.extensions).toMatchObject({
      purpose: 'tax-assessment',
      organisation: 'social-insurance',
    });
    const income = await federation.query(
      `{ people(first: 1) { nodes { incomeAssessments { taxableIncome } } } }`,
      { persona: 'caseworker', purpose: 'tax-assessment' },
    );
    expectForbidden(
      income,
      ['people', 'nodes', 0, 'incomeAssessments'],
      'no agreement grants tax/Person.incomeAssessments to social-insurance for tax-assessment',
    );
  });

  it('refuses a purpose nobody registered, naming it', async () => {
    const response = await federation.query(INCOME, {
      persona: 'caseworker',
      purpose: 'curiosity',
    });
    expectForbidden(response, ['person'], 'for curiosity');
  });

  it('asks an organisation that declares no purpose to send x-purpose', async () => {
    const response = await federation.query(
      `{ people(first: 1) { nodes { givenName incomeAssessments { year } } } }`,
      { persona: 'caseworker' },
    );
    for (const path of [
      ['people', 'nodes', 0, 'givenName'],
      ['people', 'nodes', 0, 'incomeAssessments'],
    ]) {
      const error = expectForbidden(
        response,
        path,
        'needs a declared purpose: send the x-purpose header',
      );
      expect(error.extensions?.purpose).toBeNull();
    }
    const lookup = await federation.query(INCOME, { persona: 'caseworker' });
    expectForbidden(lookup, ['person'], 'needs a declared purpose: send the x-purpose header');
  });

  it('releases the same data to the caseworker who declares the purpose her agreements serve', async () => {
    const response = await federation.query(INCOME, {
      persona: 'caseworker',
      purpose: 'benefit-eligibility',
    });
    expect(expectData(response)).toEqual({
      person: { givenName: 'Mari', incomeAssessments: [{ taxableIncome: 38400 }] },
    });
  });

  it('releases open data to an organisation without a purpose', async () => {
    const response = await federation.query(
      `{ company(registryCode: "${SHOWCASE.companyRegistryCode}") { name } }`,
      { persona: 'caseworker' },
    );
    expect(expectData(response)).toEqual({ company: { name: 'Tamm Tarkvara OÜ' } });
  });

  it('releases a citizen her own data without a purpose', async () => {
    const response = await federation.query(INCOME, { persona: 'citizen' });
    expect(expectData(response)).toEqual({
      person: { givenName: 'Mari', incomeAssessments: [{ taxableIncome: 38400 }] },
    });
  });
});
