import type { GatewayClient, ResponseError } from './gatewayClient';
import { GatewayRequestError } from './gatewayClient';
import {
  BenefitApplicationPrefillDocument,
  type BenefitApplicationPrefillQuery,
} from './operations.generated';

/** The purpose a benefit application is pre-filled for: the agreements of the demo country allow it. */
export const BENEFIT_ELIGIBILITY = 'benefit-eligibility';

type Applicant = NonNullable<BenefitApplicationPrefillQuery['applicant']>;

/** A person named on the form. */
export interface FormPerson {
  nationalId: string | null;
  name: string;
  dateOfBirth: string | null;
}

/** A benefit application, pre-filled from the registers: what the applicant checks and signs. */
export interface BenefitApplicationForm {
  caseId: string;
  applicant: FormPerson;
  address: NonNullable<Applicant['address']> | null;
  /** Everyone in the applicant's household, the applicant included, as the register lists them. */
  household: FormPerson[];
  /** Taxable income by year, latest first. */
  income: { year: number; taxableIncome: number }[];
  /** Benefits the applicant already receives. */
  currentBenefits: {
    benefit: string;
    status: string | null;
    monthlyAmount: number | null;
    since: string | null;
  }[];
  /** Fields the registers did not release, and why; the applicant fills them in by hand. */
  withheld: { field: string; reason: string }[];
  /** The agreements the data was released under (from the response's `extensions.dataUse`). */
  agreements: string[];
}

/**
 * Pre-fills a benefit application for the person with `nationalId` from one query across the
 * population register, the tax board and the social insurance board, declaring the purpose
 * `benefit-eligibility` and the case it is for. A field the registers withhold is left empty and
 * listed with the reason; a refusal of the whole request throws a `GatewayRequestError`.
 */
export async function prefillBenefitApplication(
  gateway: GatewayClient,
  request: { token: string; nationalId: string; caseId: string; incomeYear?: number },
): Promise<BenefitApplicationForm> {
  const { data, errors, extensions } = await gateway.execute(
    BenefitApplicationPrefillDocument,
    { nationalId: request.nationalId, incomeYear: request.incomeYear },
    { token: request.token, purpose: BENEFIT_ELIGIBILITY, caseId: request.caseId },
  );
  const applicant = data.applicant;
  if (applicant === null) {
    const refusal = errors.find((error) => error.path?.length === 1);
    throw new GatewayRequestError(refusal?.extensions?.code ?? 'NOT_FOUND', 200, errors);
  }
  return {
    caseId: request.caseId,
    applicant: formPerson(applicant),
    address: applicant.address,
    household: (applicant.household?.members ?? []).map(formPerson),
    income: (applicant.incomeAssessments ?? [])
      .flatMap(({ year, taxableIncome }) =>
        year === null || taxableIncome === null ? [] : [{ year, taxableIncome }],
      )
      .sort((a, b) => b.year - a.year),
    currentBenefits: (applicant.benefitClaims ?? []).flatMap((claim) =>
      claim.benefit === null ? [] : [{ ...claim, benefit: claim.benefit }],
    ),
    withheld: errors.map(withheldField),
    agreements: agreementsOf(extensions.dataUse),
  };
}

function formPerson(person: {
  nationalId: string | null;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
}): FormPerson {
  return {
    nationalId: person.nationalId,
    name: [person.givenName, person.familyName].filter((part) => part !== null).join(' '),
    dateOfBirth: person.dateOfBirth,
  };
}

function withheldField(error: ResponseError): { field: string; reason: string } {
  return {
    field: (error.path ?? []).filter((part) => typeof part === 'string').join('.'),
    reason: error.message,
  };
}

function agreementsOf(dataUse: unknown): string[] {
  if (!Array.isArray(dataUse)) return [];
  const ids = dataUse.flatMap((entry: { agreement?: unknown }) =>
    typeof entry?.agreement === 'string' ? [entry.agreement] : [],
  );
  return [...new Set(ids)].sort();
}
