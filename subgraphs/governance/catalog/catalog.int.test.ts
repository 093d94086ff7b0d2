import {
  addTestOrganisation,
  type Asker,
  type GovernanceTestClient,
  startGovernanceTestClient,
  testAgreementId,
} from '../testing/governanceTestClient';

let client: GovernanceTestClient;
beforeAll(async () => {
  client = await startGovernanceTestClient();
});
afterAll(() => client.stop());

interface Described {
  agency: string;
  name: string;
  classification: string;
  maskable: boolean;
  access: { decision: string; reason: string; agreement: { id: string } | null };
  grants: { id: string; decision: string; purposes: string[] }[];
}

const CATALOG = `query($agency: String, $type: String) {
  dataCatalog(agency: $agency, type: $type) {
    agency name classification maskable
    access { decision reason agreement { id } }
    grants { id decision purposes }
  }
}`;

async function catalogFor(
  as: Asker,
  purpose?: string,
  agency?: string,
): Promise<Map<string, Described>> {
  const { dataCatalog } = await client.data<{ dataCatalog: Described[] }>(CATALOG, {
    as,
    purpose,
    variables: { agency },
  });
  return new Map(dataCatalog.map((field) => [`${field.agency}/${field.name}`, field]));
}

async function accessOf(as: Asker, purpose: string | undefined, field: string) {
  const described = (await catalogFor(as, purpose)).get(field);
  expect(described).toBeDefined();
  return described!;
}

describe('the data catalog', () => {
  it('lists every field of the graph with its owner and classification, without join keys', async () => {
    const catalog = await catalogFor('public');
    expect(catalog.get('population/Person.givenName')).toMatchObject({
      classification: 'PERSONAL',
      maskable: false,
    });
    expect(catalog.get('population/Person.dateOfBirth')).toMatchObject({ maskable: true });
    expect(catalog.get('health/Vaccination.vaccine')).toMatchObject({
      classification: 'SPECIAL_CATEGORY',
    });
    expect(catalog.get('governance/Mutation.revokeAgreement')).toBeDefined();
    expect(catalog.has('tax/Person.id')).toBe(false);
  });

  it('tells the public what is open data and what needs signing in', async () => {
    const catalog = await catalogFor('public');
    expect(catalog.get('business/Company.name')!.access).toMatchObject({
      decision: 'ALLOWED',
      reason: expect.stringContaining('public data'),
    });
    expect(catalog.get('population/Person.givenName')!.access).toMatchObject({
      decision: 'DENIED',
      reason: expect.stringContaining('sign in'),
    });
    expect(catalog.get('population/Person.givenName')!.grants).toEqual([]);
  });

  it('tells a citizen that personal data is released to them only about themself', async () => {
    const field = await accessOf('citizen', undefined, 'population/Person.givenName');
    expect(field.access.decision).toBe('OWN_DATA_ONLY');
    expect(
      (await accessOf('citizen', undefined, 'governance/Query.myConsents')).access.decision,
    ).toBe('ALLOWED');
  });

  it('names the agreement a caseworker reads income under', async () => {
    const field = await accessOf(
      'caseworker',
      'benefit-eligibility',
      'tax/IncomeAssessment.taxableIncome',
    );
    expect(field.access).toMatchObject({
      decision: 'ALLOWED',
      reason: expect.stringContaining('DSA-SIB-TAX-01'),
      agreement: { id: 'DSA-SIB-TAX-01' },
    });
    expect(field.grants).toEqual([
      { id: 'DSA-SIB-TAX-01', decision: 'ALLOWED', purposes: ['benefit-eligibility'] },
    ]);
  });

  it('asks an organisation for a purpose, and shows which purposes would do', async () => {
    const field = await accessOf('caseworker', undefined, 'tax/IncomeAssessment.taxableIncome');
    expect(field.access).toMatchObject({
      decision: 'DENIED',
      reason: expect.stringContaining('x-purpose'),
    });
    expect(field.grants.map((g) => g.purposes)).toEqual([['benefit-eligibility']]);
  });

  it('shows a statistician aggregates allowed and microdata refused, with reasons', async () => {
    const catalog = await catalogFor('statistician', 'official-statistics', 'population');
    expect(catalog.get('population/Statistics.ageBand')).toMatchObject({
      classification: 'AGGREGATE',
      access: { decision: 'ALLOWED', agreement: { id: 'DSA-STAT-POP-01' } },
      grants: [{ id: 'DSA-STAT-POP-01', decision: 'ALLOWED' }],
    });
    expect(catalog.get('population/Person.dateOfBirth')).toMatchObject({
      access: { decision: 'DENIED' },
      grants: [],
    });
    expect(catalog.get('population/Person.givenName')).toMatchObject({
      access: {
        decision: 'DENIED',
        reason:
          'no agreement grants population/Person.givenName to statistics-office for official-statistics',
      },
      grants: [],
    });
  });

  it('shows a bank that it reads only about people who consented', async () => {
    const field = await accessOf('bank', 'loan-application', 'population/Person.givenName');
    expect(field.access).toMatchObject({
      decision: 'WITH_CONSENT',
      agreement: { id: 'DSA-BANK-POP-01' },
    });
    expect(field.grants).toEqual([
      { id: 'DSA-BANK-POP-01', decision: 'WITH_CONSENT', purposes: ['loan-application'] },
    ]);
  });

  it('shows operations reserved to administrators as such', async () => {
    const asSteward = await accessOf('steward', undefined, 'governance/Mutation.revokeAgreement');
    expect(asSteward.access.decision).toBe('ALLOWED');
    const asCaseworker = await accessOf(
      'caseworker',
      'benefit-eligibility',
      'governance/Mutation.revokeAgreement',
    );
    expect(asCaseworker.access).toMatchObject({
      decision: 'DENIED',
      reason: expect.stringContaining('governance-admin'),
    });
  });

  it('narrows to one type of one agency', async () => {
    const catalog = await catalogFor('public', undefined, 'tax');
    expect(new Set([...catalog.values()].map((f) => f.agency))).toEqual(new Set(['tax']));
    const { dataCatalog } = await client.data<{ dataCatalog: { name: string }[] }>(CATALOG, {
      as: 'public',
      variables: { agency: 'health', type: 'Vaccination' },
    });
    expect(dataCatalog.map((f) => f.name)).toEqual([
      'Vaccination.vaccine',
      'Vaccination.date',
      'Vaccination.dose',
    ]);
  });

  it('refuses an unknown agency or type', async () => {
    expect(await client.error(CATALOG, { as: 'public', variables: { agency: 'nowhere' } })).toEqual(
      {
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('population, tax'),
      },
    );
    expect(await client.error(CATALOG, { as: 'public', variables: { type: 'Spaceship' } })).toEqual(
      {
        code: 'BAD_USER_INPUT',
        message: 'The catalog has no type Spaceship',
      },
    );
  });

  it('reflects agreements as they change, not as they were at start', async () => {
    const organisation = await addTestOrganisation(client.db);
    const asLender = {
      kind: 'organisation' as const,
      subject: 'lender-system',
      organisation: organisation.code,
      roles: [],
    };
    const id = testAgreementId();
    try {
      const before = await accessOf(
        asLender,
        'loan-application',
        'tax/IncomeAssessment.incomeBand',
      );
      expect(before.grants).toEqual([]);
      await client.db('governance.agreement').insert({
        id,
        title: 'Test: income bands',
        provider: 'tax',
        consumer: organisation.code,
        purposes: ['loan-application'],
        fields: ['IncomeAssessment.incomeBand'],
        form: 'masked',
        legal_basis: 'Test',
        legal_basis_kind: 'contract',
        reuse_terms: 'Test',
        valid_from: '2026-01-01',
      });
      const after = await accessOf(asLender, 'loan-application', 'tax/IncomeAssessment.incomeBand');
      expect(after.access).toMatchObject({ decision: 'MASKED', agreement: { id } });
      expect(after.grants).toEqual([{ id, decision: 'MASKED', purposes: ['loan-application'] }]);
    } finally {
      await organisation.remove();
    }
  });
});
