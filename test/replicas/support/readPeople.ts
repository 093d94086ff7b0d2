import type { Db } from '../../../platform/db/createDb';
import { mintDemoToken } from '../../../demo/identity/mintDemoToken';

export const YEAR = 2025;

/** The agencies a caseworker's read draws on, each with its own access log. */
export const READ_AGENCIES = ['population', 'tax', 'social'] as const;
export type ReadAgency = (typeof READ_AGENCIES)[number];

/** A person with names, an income of `YEAR` and at least one benefit claim. */
export interface Claimant {
  nationalId: string;
  givenName: string;
  taxableIncome: number;
  benefits: string[];
}

/** `count` people who appear in all three agencies, and what each agency holds about them. */
export async function claimants(db: Db, count: number): Promise<Claimant[]> {
  const rows = (await db('population.person as p')
    .join('tax.income_assessment as i', 'i.national_id', 'p.national_id')
    .where('i.year', YEAR)
    .whereExists((claims) =>
      claims
        .select(db.raw('1'))
        .from('social.benefit_claim as c')
        .whereRaw('c.national_id = p.national_id'),
    )
    .orderBy('p.national_id')
    .limit(count)
    .select('p.national_id', 'p.given_name', 'i.taxable_income')) as {
    national_id: string;
    given_name: string;
    taxable_income: number;
  }[];
  const claims = (await db('social.benefit_claim')
    .whereIn(
      'national_id',
      rows.map((row) => row.national_id),
    )
    .select('national_id', 'benefit')) as { national_id: string; benefit: string }[];
  return rows.map((row) => ({
    nationalId: row.national_id,
    givenName: row.given_name,
    taxableIncome: Number(row.taxable_income),
    benefits: claims
      .filter((claim) => claim.national_id === row.national_id)
      // As the graph names them: the enum value of the stored code.
      .map((claim) => claim.benefit.toUpperCase().replace(/-/g, '_'))
      .sort(),
  }));
}

/** What a caseworker reads of one claimant, from the three agencies at once. */
export const readOf = (nationalId: string) =>
  `{ person(nationalId: "${nationalId}") { givenName incomeAssessments(year: ${YEAR}) { taxableIncome } benefitClaims { benefit } } }`;

/** A caseworker's headers for one case. */
export async function caseworkerHeaders(caseId: string): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await mintDemoToken('caseworker')}`,
    'x-purpose': 'benefit-eligibility',
    'x-case-id': caseId,
  };
}

/** The part of one answer each agency released, or null where it released nothing. */
export function releasedParts(
  data: unknown,
): Record<ReadAgency, unknown> & { person: Record<string, unknown> | null } {
  const person = ((data as { person?: Record<string, unknown> | null } | null)?.person ??
    null) as Record<string, unknown> | null;
  return {
    person,
    population: person?.givenName ?? null,
    tax: person?.incomeAssessments ?? null,
    social: person?.benefitClaims ?? null,
  };
}

/** The access records of one case in one agency's log. */
export async function recordsOfCase(
  db: Db,
  agency: ReadAgency,
  caseId: string,
): Promise<{ request_id: string; subject_id: string }[]> {
  return (await db(`${agency}.access_log`)
    .where({ case_id: caseId })
    .select('request_id', 'subject_id')) as { request_id: string; subject_id: string }[];
}
