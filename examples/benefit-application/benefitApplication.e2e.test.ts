import { randomUUID } from 'node:crypto';
import { mintDemoToken } from '../../demo/identity/mintDemoToken';
import type { PersonaName } from '../../demo/identity/personas';
import { SHOWCASE } from '../../demo/showcase';
import { DEMO_TRUSTED_DOCUMENTS } from '../../demo/trustedDocuments';
import { startTestFederation, type TestFederation } from '../../test/support/testFederation';
import { gatewayClient, GatewayRequestError } from './gatewayClient';
import { prefillBenefitApplication } from './prefillApplication';
import { printApplication } from './printApplication';

let federation: TestFederation;

// The gateway as `npm start` runs it: the bank held to its trusted documents, others free.
beforeAll(async () => {
  federation = await startTestFederation({ trustedDocuments: DEMO_TRUSTED_DOCUMENTS });
});
afterAll(() => federation.stop());

const CASE_ID = 'SIB-2026-000123';

async function prefillAs(
  persona: PersonaName,
  options: { incomeYear?: number; caseId?: string } = {},
) {
  return prefillBenefitApplication(gatewayClient(federation.gatewayUrl), {
    token: (await mintDemoToken(persona))!,
    nationalId: SHOWCASE.nationalId,
    caseId: options.caseId ?? CASE_ID,
    incomeYear: options.incomeYear,
  });
}

describe('a benefit application pre-filled by the Social Insurance Board', () => {
  test('names the applicant, her address and her household from the population register', async () => {
    const form = await prefillAs('caseworker');
    expect(form.applicant).toEqual({
      nationalId: SHOWCASE.nationalId,
      name: 'Mari Tamm',
      dateOfBirth: '1985-07-12',
    });
    expect(form.address).toEqual({
      street: 'Tamme tn 12',
      postalCode: '50410',
      city: 'Tartu',
      municipality: 'Tartu',
    });
    expect(form.household.map(({ nationalId }) => nationalId).sort()).toEqual(
      [SHOWCASE.nationalId, SHOWCASE.partnerId, ...SHOWCASE.childIds].sort(),
    );
    expect(form.household).toContainEqual({
      nationalId: SHOWCASE.childIds[1],
      name: 'Mihkel Tamm',
      dateOfBirth: '2016-09-02',
    });
    expect(form.withheld).toEqual([]);
  });

  test('gives five years of income from the tax board, latest first, and the child allowance she receives', async () => {
    const form = await prefillAs('caseworker');
    expect(form.income).toEqual([
      { year: 2025, taxableIncome: 46_000 },
      { year: 2024, taxableIncome: 44_100 },
      { year: 2023, taxableIncome: 42_200 },
      { year: 2022, taxableIncome: 40_300 },
      { year: 2021, taxableIncome: 38_400 },
    ]);
    expect(form.currentBenefits).toEqual([
      { benefit: 'CHILD_ALLOWANCE', status: 'APPROVED', monthlyAmount: 160, since: '2016-09-02' },
    ]);
    expect((await prefillAs('caseworker', { incomeYear: 2024 })).income).toEqual([
      { year: 2024, taxableIncome: 44_100 },
    ]);
  });

  test('says under which agreements of the three agencies the data was released', async () => {
    const form = await prefillAs('caseworker');
    expect(form.agreements).toEqual(['DSA-SIB-POP-01', 'DSA-SIB-SOC-01', 'DSA-SIB-TAX-01']);
    const printed = printApplication(form);
    expect(printed).toContain(`Benefit application, case ${CASE_ID}`);
    expect(printed).toContain(`Applicant:  Mari Tamm, ${SHOWCASE.nationalId}, born 1985-07-12`);
    expect(printed).toContain('  2025  46,000 EUR');
    expect(printed).toContain('  CHILD_ALLOWANCE (APPROVED), 160 EUR a month since 2016-09-02');
  });

  test('records the declared case in the access log of each agency that released data', async () => {
    // A case of its own, so that only this request's records can match.
    const caseId = `SIB-2026-${randomUUID()}`;
    await prefillAs('caseworker', { caseId });
    for (const agency of ['population', 'tax', 'social'] as const) {
      const records = await federation.subgraphs[agency].db(`${agency}.access_log`).where({
        subject_id: SHOWCASE.nationalId,
        case_id: caseId,
        purpose: 'benefit-eligibility',
      });
      expect(records.length).toBeGreaterThan(0);
    }
  });

  test('is refused to an organisation that holds no agreement for benefit eligibility', async () => {
    const refusal = await prefillAs('statistician').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GatewayRequestError);
    expect((refusal as GatewayRequestError).code).toBe('FORBIDDEN');
  });
});
