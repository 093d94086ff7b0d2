import {
  type GovernanceTestClient,
  startGovernanceTestClient,
} from '../testing/governanceTestClient';

let client: GovernanceTestClient;
beforeAll(async () => {
  client = await startGovernanceTestClient();
});
afterAll(() => client.stop());

describe('the register of agreements', () => {
  it('is public: anyone can read every agreement and its terms', async () => {
    const { agreements } = await client.data<{ agreements: { id: string }[] }>(
      '{ agreements { id } }',
      { as: 'public' },
    );
    expect(agreements.map((a) => a.id)).toEqual(expect.arrayContaining(['DSA-SIB-TAX-01']));
    const { agreement } = await client.data<{ agreement: unknown }>(
      `{ agreement(id: "DSA-SIB-TAX-01") { provider consumer purposes form legalBasisKind status version inForce providerTitle consumerOrganisation { name kind } } }`,
      { as: 'public' },
    );
    expect(agreement).toEqual({
      provider: 'tax',
      consumer: 'social-insurance',
      purposes: ['benefit-eligibility'],
      form: 'FULL',
      legalBasisKind: 'LAW',
      status: 'ACTIVE',
      version: 1,
      inForce: true,
      providerTitle: 'Tax Board',
      consumerOrganisation: { name: 'Social Insurance Board', kind: 'AGENCY' },
    });
  });

  it('narrows by provider, consumer and status', async () => {
    const { agreements } = await client.data<{ agreements: { id: string }[] }>(
      '{ agreements(provider: "tax", consumer: "statistics-office", status: ACTIVE) { id } }',
      { as: 'public' },
    );
    expect(agreements).toEqual([{ id: 'DSA-STAT-TAX-01' }]);
  });

  it('lists organisations with the agreements they receive data under, and purposes', async () => {
    const { organisations, purposes } = await client.data<{
      organisations: { code: string; agreements: { id: string }[] }[];
      purposes: { code: string }[];
    }>('{ organisations { code agreements { id } } purposes { code } }', { as: 'public' });
    expect(organisations.find((o) => o.code === 'statistics-office')?.agreements).toEqual([
      { id: 'DSA-STAT-BUS-01' },
      { id: 'DSA-STAT-POP-01' },
      { id: 'DSA-STAT-SIB-01' },
      { id: 'DSA-STAT-TAX-01' },
      { id: 'DSA-STAT-TRA-01' },
    ]);
    expect(purposes.map((p) => p.code)).toContain('loan-application');
  });

  it('answers NOT_FOUND for an unknown agreement', async () => {
    expect(await client.error('{ agreement(id: "DSA-NONE-01") { id } }', { as: 'public' })).toEqual(
      {
        code: 'NOT_FOUND',
        message: 'No agreement DSA-NONE-01 is in the register',
      },
    );
  });

  it('resolves Agreement references from other subgraphs', async () => {
    const { _entities } = await client.data<{ _entities: unknown[] }>(
      `{ _entities(representations: [{ __typename: "Agreement", id: "DSA-SIB-TAX-01" }]) { ... on Agreement { title } } }`,
      { as: 'public' },
    );
    expect(_entities).toEqual([{ title: 'Income of benefit claimants' }]);
  });
});
