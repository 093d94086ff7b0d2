import { SHOWCASE } from '../../../demo/showcase';
import type { Caller } from '../../../platform/context/Caller';
import { governancePolicy } from '../policy';
import {
  addTestOrganisation,
  type GovernanceTestClient,
  startGovernanceTestClient,
  testAgreementId,
  testCitizen,
} from '../testing/governanceTestClient';

let client: GovernanceTestClient;
let lender: Awaited<ReturnType<typeof addTestOrganisation>>;
let citizen: Caller;
const consentAgreement = testAgreementId();

beforeAll(async () => {
  client = await startGovernanceTestClient();
  lender = await addTestOrganisation(client.db);
  citizen = testCitizen();
  await client.db('governance.agreement').insert({
    id: consentAgreement,
    title: 'Test: identity of loan applicants, with their consent',
    provider: 'population',
    consumer: lender.code,
    purposes: ['loan-application'],
    fields: ['Person.givenName', 'Person.familyName', 'Address.*'],
    form: 'full',
    legal_basis: "The customer's consent (GDPR art. 6(1)(a))",
    legal_basis_kind: 'consent',
    reuse_terms: 'Only for the loan decision.',
    retention_days: 30,
    valid_from: '2026-01-01',
    valid_until: '2030-12-31',
  });
});
afterAll(async () => {
  await lender.remove();
  await client.stop();
});

const CONSENT_FIELDS =
  'id organisation purpose fields status grantedAt expiresAt withdrawnAt dataLifeDays consumerOrganisation { code }';
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { ${CONSENT_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawConsent(id: $id) { ${CONSENT_FIELDS} } }`;
const MINE = `{ myConsents { ${CONSENT_FIELDS} } }`;

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

function consentInput(overrides: Record<string, unknown> = {}) {
  return {
    organisation: lender.code,
    purpose: 'loan-application',
    fields: ['Person.givenName', 'Address.*'],
    expiresAt: inAMonth(),
    dataLifeDays: 14,
    ...overrides,
  };
}

async function problems(overrides: Record<string, unknown>): Promise<unknown> {
  const { errors } = await client.execute(GRANT, {
    as: citizen,
    variables: { input: consentInput(overrides) },
  });
  expect(errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  return errors![0]!.extensions.problems;
}

describe("a citizen's consents", () => {
  it('shows a citizen the consents they have given', async () => {
    const { myConsents } = await client.data<{ myConsents: unknown[] }>(MINE, { as: 'citizen' });
    expect(myConsents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          organisation: 'demo-bank',
          purpose: 'loan-application',
          status: 'ACTIVE',
          dataLifeDays: 30,
          consumerOrganisation: { code: 'demo-bank' },
        }),
      ]),
    );
  });

  it('lets a citizen give a consent and withdraw it', async () => {
    const input = consentInput();
    const { grantConsent } = await client.data<{ grantConsent: { id: string } }>(GRANT, {
      as: citizen,
      variables: { input },
    });
    expect(grantConsent).toEqual({
      id: expect.any(String),
      organisation: lender.code,
      purpose: 'loan-application',
      fields: ['Person.givenName', 'Address.*'],
      status: 'ACTIVE',
      grantedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      expiresAt: new Date(input.expiresAt).toISOString(),
      withdrawnAt: null,
      dataLifeDays: 14,
      consumerOrganisation: { code: lender.code },
    });
    const { myConsents } = await client.data<{ myConsents: { id: string }[] }>(MINE, {
      as: citizen,
    });
    expect(myConsents.map((c) => c.id)).toEqual([grantConsent.id]);

    const { withdrawConsent } = await client.data<{ withdrawConsent: unknown }>(WITHDRAW, {
      as: citizen,
      variables: { id: grantConsent.id },
    });
    expect(withdrawConsent).toMatchObject({
      id: grantConsent.id,
      status: 'WITHDRAWN',
      withdrawnAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(
      await client.error(WITHDRAW, { as: citizen, variables: { id: grantConsent.id } }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('already withdrawn'),
    });
  });

  it("answers NOT_FOUND for someone else's consent, or one that does not exist", async () => {
    const { grantConsent } = await client.data<{ grantConsent: { id: string } }>(GRANT, {
      as: citizen,
      variables: { input: consentInput() },
    });
    for (const id of [grantConsent.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect(await client.error(WITHDRAW, { as: 'citizen', variables: { id } })).toEqual({
        code: 'NOT_FOUND',
        message: `You have given no consent ${id}`,
      });
    }
    const { myConsents } = await client.data<{ myConsents: { id: string; status: string }[] }>(
      MINE,
      { as: citizen },
    );
    expect(myConsents.find((c) => c.id === grantConsent.id)?.status).toBe('ACTIVE');
  });

  it('refuses consents to anyone but a signed-in citizen', async () => {
    for (const as of ['caseworker', 'steward', 'public'] as const) {
      const { data, errors } = await client.execute(GRANT, {
        as,
        variables: { input: consentInput() },
      });
      expect(data).toEqual({ grantConsent: null });
      expect(errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(errors?.[0]?.message).toContain('reserved to signed-in citizens');
    }
    expect(await client.error(MINE, { as: 'auditor', purpose: 'oversight' })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('releases consent records only to the person who gave them', async () => {
    const release = client.runtime
      .forRequest(
        governancePolicy,
        {
          kind: 'organisation',
          subject: 'x',
          organisation: 'data-protection-inspectorate',
          roles: ['auditor'],
        },
        'oversight',
      )
      .release('Consent', 'fields', { subjectId: SHOWCASE.nationalId });
    expect(await release).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});

describe('validating consents', () => {
  it('names every problem with the request at once', async () => {
    expect(
      await problems({
        organisation: 'nobody',
        purpose: 'fun',
        fields: ['Person.givenName', 'Person.givenName'],
        expiresAt: '2020-01-01T00:00:00Z',
      }),
    ).toEqual([
      'organisation "nobody" is not registered (see Query.organisations)',
      'purpose "fun" is not a registered purpose (see Query.purposes)',
      'fields list Person.givenName twice',
      'expiresAt must be in the future',
    ]);
  });

  it('refuses a consent no agreement resting on consent could honour', async () => {
    const [name] = [`Test Lender ${lender.code}`];
    expect(await problems({ purpose: 'official-statistics' })).toEqual([
      `${name} has no agreement in force that rests on consent for official-statistics, so a consent would release nothing`,
    ]);
    expect(
      await problems({ organisation: 'social-insurance', purpose: 'benefit-eligibility' }),
    ).toEqual([
      'Social Insurance Board has no agreement in force that rests on consent for benefit-eligibility, so a consent would release nothing',
    ]);
    expect(await problems({ fields: ['Person.givenName', 'Person.vehicles', 'Person.*'] })).toEqual(
      [
        `no agreement resting on consent lets ${name} read Person.vehicles for loan-application (its agreements: ${consentAgreement})`,
        `no agreement resting on consent lets ${name} read Person.* for loan-application (its agreements: ${consentAgreement})`,
      ],
    );
  });

  it('keeps a consent within the terms of its agreement', async () => {
    expect(await problems({ expiresAt: '2031-06-01T00:00:00Z', dataLifeDays: 90 })).toEqual([
      `expiresAt is after agreement ${consentAgreement} ends on 2030-12-31`,
      `dataLifeDays may be at most 30, as agreement ${consentAgreement} allows`,
    ]);
  });
});
