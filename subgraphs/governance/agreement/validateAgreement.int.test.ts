import { AGENCY_NAMES } from '../../../platform/agencies';
import { CHANGE, useRegisterTest } from '../testing/registerTest';

const t = useRegisterTest();

describe('validating agreements', () => {
  it('names every problem with an agreement at once', async () => {
    const problems = await t.grantProblems({
      id: 'not a number',
      title: '  ',
      provider: 'weather',
      consumer: 'nobody',
      purposes: ['loan-application', 'fun', 'loan-application'],
      validFrom: '2027-01-01',
      validUntil: '2026-12-31',
      retentionDays: 0,
    });
    expect(problems).toEqual([
      'id "not a number" is not a register number: use capital letters, digits and hyphens, such as DSA-SIB-TAX-02',
      'title must not be empty',
      // Every agency of the registry, a generated one included.
      `provider "weather" is not an agency of the graph (${AGENCY_NAMES.join(', ')})`,
      'consumer "nobody" is not a registered organisation (see Query.organisations)',
      'purpose "fun" is not a registered purpose (see Query.purposes)',
      'purposes list "loan-application" twice',
      'validUntil 2026-12-31 is before validFrom 2027-01-01',
      'reviewDate 2028-06-30 is after validUntil 2026-12-31',
      'retentionDays must be between 1 and 36500',
    ]);
  });

  it("accepts only fields of the provider's catalog", async () => {
    expect(
      await t.grantProblems({
        fields: [
          'IncomeAssessment.taxableIncome',
          'Person.givenName',
          'Vehicle.*',
          'salary',
          'IncomeAssessment.*',
        ],
      }),
    ).toEqual([
      'Person.givenName is not in the tax catalog (see Query.dataCatalog)',
      'Vehicle.* is not in the tax catalog (see Query.dataCatalog)',
      '"salary" is not a field name: write Type.field, or Type.* for a whole type',
    ]);
    expect(
      await t.grantProblems({ provider: 'governance', fields: ['Mutation.revokeAgreement'] }),
    ).toEqual([
      'Mutation.revokeAgreement is an operation reserved to some callers: no agreement can grant it',
    ]);
  });

  it('asks for an explicit basis for special-category data', async () => {
    expect(await t.grantProblems({ provider: 'health', fields: ['Vaccination.*'] })).toEqual([
      'Vaccination.vaccine, Vaccination.date, Vaccination.dose are special-category data (GDPR art. 9): set specialCategory with a legal basis that explicitly covers it, or rest the agreement on consent',
    ]);
  });

  it('refuses a masked agreement for fields without a masked form', async () => {
    expect(
      await t.grantProblems({ form: 'MASKED', fields: ['IncomeAssessment.taxableIncome'] }),
    ).toEqual([
      'IncomeAssessment.taxableIncome has no masked form, so an agreement of form MASKED would release nothing of it',
    ]);
  });

  it('refuses an end date in the past and a register number already taken', async () => {
    expect(await t.grantProblems({ validUntil: '2020-01-01', reviewDate: null })).toEqual([
      'validUntil 2020-01-01 is before validFrom 2026-01-01',
      'validUntil 2020-01-01 is in the past; revoke an agreement to end it now',
    ]);
    expect(await t.grantProblems({ id: 'DSA-SIB-TAX-01' })).toEqual([
      'DSA-SIB-TAX-01 is already in the register: change it, or choose another register number',
    ]);
  });

  it('refuses a change that changes nothing, clears a required term or revokes', async () => {
    const { id, title } = await t.grant();
    const problems = async (input: Record<string, unknown>) => {
      const { errors } = await t.client.execute(CHANGE, {
        as: 'steward',
        variables: { id, input },
      });
      expect(errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      return errors![0]!.extensions.problems;
    };
    expect(await problems({ title })).toEqual(['the input changes nothing']);
    expect(await problems({ title: null, status: 'REVOKED' })).toEqual([
      'title cannot be cleared',
      'status cannot be set to REVOKED here: use revokeAgreement, which records why',
    ]);
    expect(await problems({ fields: ['Person.givenName'] })).toEqual([
      'Person.givenName is not in the tax catalog (see Query.dataCatalog)',
    ]);
  });
});
