import type { Caller } from '../context/Caller';
import { decideField } from './decideField';
import type { FieldRule } from './fieldPolicy';
import { keep } from './masks';
import { testAgreement } from './testing/testAgreement';

const today = '2026-06-01';
const agreement = testAgreement;
const caseworker: Caller = {
  kind: 'organisation',
  subject: 'x',
  organisation: 'social-insurance',
  roles: [],
};
const field = (rule: FieldRule | undefined, name = 'taxableIncome') => ({
  agency: 'tax',
  type: 'IncomeAssessment',
  field: name,
  rule,
});
const personal: FieldRule = { classification: 'personal' };

describe('decideField', () => {
  it('denies a field without a classification to everyone', () => {
    expect(
      decideField(
        field(undefined),
        { caller: caseworker, purpose: 'benefit-eligibility' },
        [agreement({})],
        today,
      ),
    ).toMatchObject({
      effect: 'deny',
      reason: expect.stringContaining('not classified'),
    });
  });

  it('allows public data to anyone, without a purpose', () => {
    expect(
      decideField(
        field({ classification: 'public' }),
        { caller: { kind: 'public' }, purpose: null },
        [],
        today,
      ),
    ).toEqual({
      effect: 'allow',
      basis: { kind: 'public' },
    });
  });

  it('denies personal data to the public caller', () => {
    expect(
      decideField(
        field(personal),
        { caller: { kind: 'public' }, purpose: null },
        [agreement({})],
        today,
      ).effect,
    ).toBe('deny');
  });

  it("lets a citizen read personal data about themself only, and no agency's internal data", () => {
    const citizen: Caller = { kind: 'citizen', subject: '48507120002' };
    expect(decideField(field(personal), { caller: citizen, purpose: null }, [], today).effect).toBe(
      'own-data',
    );
    expect(
      decideField(
        field({ classification: 'internal' }),
        { caller: citizen, purpose: null },
        [],
        today,
      ).effect,
    ).toBe('deny');
  });

  it('needs a declared purpose from an organisation', () => {
    expect(
      decideField(field(personal), { caller: caseworker, purpose: null }, [agreement({})], today),
    ).toMatchObject({
      effect: 'deny',
      reason: expect.stringContaining('x-purpose'),
    });
  });

  it('allows under an agreement in force for the purpose, and names the agreement', () => {
    const decision = decideField(
      field(personal),
      { caller: caseworker, purpose: 'benefit-eligibility' },
      [agreement({})],
      today,
    );
    expect(decision).toMatchObject({
      effect: 'allow',
      basis: { kind: 'agreement', agreement: { id: 'DSA-1' } },
    });
  });

  it.each([
    ['another purpose', { purposes: ['tax-assessment'] }],
    ['another consumer', { consumer: 'police' }],
    ['another field', { fields: ['IncomeAssessment.year'] }],
    ['a revoked agreement', { status: 'revoked' as const }],
    ['an expired agreement', { validUntil: '2026-05-31' }],
    ['an agreement not yet in force', { validFrom: '2026-06-02' }],
  ])('denies under %s, saying which agreement is missing', (_label, overrides) => {
    const decision = decideField(
      field(personal),
      { caller: caseworker, purpose: 'benefit-eligibility' },
      [agreement(overrides)],
      today,
    );
    expect(decision).toEqual({
      effect: 'deny',
      reason:
        'no agreement grants tax/IncomeAssessment.taxableIncome to social-insurance for benefit-eligibility',
    });
  });

  it('masks under a masked agreement when the field has a masked form, and denies when it has none', () => {
    const masked = agreement({ form: 'masked' });
    const purpose = { caller: caseworker, purpose: 'benefit-eligibility' };
    expect(
      decideField(
        field({ classification: 'personal', mask: keep }, 'incomeBand'),
        purpose,
        [masked],
        today,
      ).effect,
    ).toBe('mask');
    expect(decideField(field(personal), purpose, [masked], today)).toMatchObject({
      effect: 'deny',
      reason: expect.stringContaining('only masked data'),
    });
  });

  it('prefers the full form when two agreements apply', () => {
    const both = [agreement({ id: 'M', form: 'masked' }), agreement({ id: 'F' })];
    const decision = decideField(
      field({ classification: 'personal', mask: keep }),
      { caller: caseworker, purpose: 'benefit-eligibility' },
      both,
      today,
    );
    expect(decision).toMatchObject({ effect: 'allow', basis: { agreement: { id: 'F' } } });
  });

  it('needs an explicit basis for special-category data', () => {
    const special: FieldRule = { classification: 'special-category' };
    const purpose = { caller: caseworker, purpose: 'benefit-eligibility' };
    expect(decideField(field(special), purpose, [agreement({})], today)).toMatchObject({
      effect: 'deny',
      reason: expect.stringContaining('special-category'),
    });
    expect(
      decideField(field(special), purpose, [agreement({ specialCategory: true })], today).effect,
    ).toBe('allow');
    expect(
      decideField(field(special), purpose, [agreement({ legalBasisKind: 'consent' })], today)
        .effect,
    ).toBe('consent');
  });

  it('defers to the person when the agreement rests on consent', () => {
    const decision = decideField(
      field(personal),
      { caller: caseworker, purpose: 'benefit-eligibility' },
      [agreement({ legalBasisKind: 'consent' })],
      today,
    );
    expect(decision).toMatchObject({
      effect: 'consent',
      masked: false,
      agreement: { id: 'DSA-1' },
    });
  });

  it('always serves the hidden join key to the gateway', () => {
    expect(
      decideField(
        field({ classification: 'personal', joinKey: true }, 'id'),
        { caller: { kind: 'public' }, purpose: null },
        [],
        today,
      ).effect,
    ).toBe('allow');
  });
});

describe('operations reserved to an audience', () => {
  const rule: FieldRule = { classification: 'internal', audience: [{ role: 'governance-admin' }] };
  const steward: Caller = {
    kind: 'organisation',
    subject: 's',
    organisation: 'information-system-authority',
    roles: ['governance-admin'],
  };

  it('allows holders of the role, without a purpose', () => {
    expect(
      decideField(field(rule, 'revokeAgreement'), { caller: steward, purpose: null }, [], today)
        .effect,
    ).toBe('allow');
  });

  it('denies everyone else, naming the audience', () => {
    expect(
      decideField(
        field(rule, 'revokeAgreement'),
        { caller: caseworker, purpose: 'benefit-eligibility' },
        [],
        today,
      ),
    ).toEqual({
      effect: 'deny',
      reason:
        'tax/IncomeAssessment.revokeAgreement is reserved to holders of the governance-admin role',
    });
  });
});

describe('decideField for aggregates', () => {
  const variable = {
    agency: 'tax',
    type: 'Statistics',
    field: 'incomeBand',
    rule: { classification: 'aggregate' } as FieldRule,
  };
  const grant = agreement({ fields: ['Statistics.incomeBand'], form: 'masked' });
  const asking = { caller: caseworker, purpose: 'benefit-eligibility' };

  it('allows a variable granted by name under an agreement, whatever its form', () => {
    expect(decideField(variable, asking, [grant], today)).toMatchObject({
      effect: 'allow',
      basis: { kind: 'agreement', agreement: { id: 'DSA-1' } },
    });
  });

  it('denies a variable no agreement names, and every variable to citizens and the public', () => {
    expect(decideField(variable, asking, [agreement({})], today)).toMatchObject({
      effect: 'deny',
      reason:
        'no agreement grants tax/Statistics.incomeBand to social-insurance for benefit-eligibility',
    });
    for (const caller of [{ kind: 'public' }, { kind: 'citizen', subject: '1' }] as Caller[])
      expect(decideField(variable, { caller, purpose: null }, [grant], today).effect).toBe('deny');
  });

  it('opens a statistics operation to organisations with a purpose only', () => {
    const operation = {
      ...variable,
      rule: { classification: 'aggregate', perVariable: true } as FieldRule,
    };
    expect(decideField(operation, asking, [], today)).toMatchObject({
      effect: 'allow',
      basis: { kind: 'operation' },
    });
    expect(decideField(operation, { caller: caseworker, purpose: null }, [], today)).toMatchObject({
      effect: 'deny',
      reason: expect.stringContaining('x-purpose'),
    });
  });
});
