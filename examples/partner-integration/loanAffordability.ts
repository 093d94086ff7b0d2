import {
  type ResponseError,
  sendTrustedDocument,
  TrustedDocumentError,
} from './sendTrustedDocument';

/**
 * The id of Demo Bank's registered `LoanAffordabilityCheck`
 * (schema/trusted-documents/demo-bank/LoanAffordabilityCheck.graphql), as
 * `npm run trusted-documents` printed it. The bank holds the id, not the query.
 */
export const LOAN_AFFORDABILITY_CHECK_ID =
  'f79a04847d6d86984f87d29785ff2f8e5d2c20c260675df7e4aaf4aece23d720';

/** The purpose the demo agreements grant the bank the data for, with the customer's consent. */
export const LOAN_APPLICATION = 'loan-application';

/** The share of the lowest income of the applicant's latest band a repayment may take. */
export const MAX_DEBT_SERVICE_RATIO = 0.4;

/** What the registered document returns. */
interface LoanAffordabilityCheck {
  person: {
    givenName: string | null;
    familyName: string | null;
    address: { municipality: string | null } | null;
    incomeAssessments: { year: number | null; incomeBand: string | null }[] | null;
  } | null;
}

/** The bank's answer to "can this customer afford this repayment?", with what it rests on. */
export interface AffordabilityDecision {
  applicant: string;
  municipality: string | null;
  /** Income bands by tax year, latest first, e.g. `40000-49999`. */
  incomeBands: { year: number; band: string }[];
  /** The most a month's repayment may be: a share of the lowest income of the latest band, / 12. */
  maxMonthlyRepayment: number;
  affordable: boolean;
}

/**
 * Checks whether a customer can afford a loan's monthly repayment from the income bands the tax
 * board releases to the bank with the customer's consent, through the bank's one registered
 * document. Without an income band the answer is not affordable, never a guess.
 */
export async function checkLoanAffordability(
  gatewayUrl: string,
  request: { accessToken: string; nationalId: string; monthlyRepayment: number },
): Promise<AffordabilityDecision> {
  const { data, errors } = await sendTrustedDocument<LoanAffordabilityCheck>(gatewayUrl, {
    documentId: LOAN_AFFORDABILITY_CHECK_ID,
    variables: { nationalId: request.nationalId },
    accessToken: request.accessToken,
    purpose: LOAN_APPLICATION,
  });
  const person = data.person;
  if (person === null) throw new TrustedDocumentError(codeOf(errors), 200, errors);
  const incomeBands = (person.incomeAssessments ?? [])
    .flatMap(({ year, incomeBand }) =>
      year === null || incomeBand === null ? [] : [{ year, band: incomeBand }],
    )
    .sort((a, b) => b.year - a.year);
  const latest = incomeBands[0];
  const yearlyFloor = latest ? Number(latest.band.split('-')[0]) : 0;
  const maxMonthlyRepayment = Math.floor((yearlyFloor * MAX_DEBT_SERVICE_RATIO) / 12);
  return {
    applicant: [person.givenName, person.familyName].filter((part) => part !== null).join(' '),
    municipality: person.address?.municipality ?? null,
    incomeBands,
    maxMonthlyRepayment,
    affordable: latest !== undefined && request.monthlyRepayment <= maxMonthlyRepayment,
  };
}

function codeOf(errors: ResponseError[]): string {
  return errors.find((error) => error.path?.length === 1)?.extensions?.code ?? 'NOT_FOUND';
}
