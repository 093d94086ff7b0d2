import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AgencyName } from '../platform/agencies';
import { repoRoot } from '../platform/repoRoot';
import type { PersonaName } from '../demo/identity/personas';

export type SoakBody =
  { query: string } | { documentId: string; variables: Record<string, unknown> };

/** The id of a trusted document of the demo manifest, by its operation's name. */
export function trustedDocumentId(organisation: string, operation: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(repoRoot(), 'schema', 'trusted-documents.json'), 'utf8'),
  ) as { clients: Record<string, Record<string, string>> };
  const entry = Object.entries(manifest.clients[organisation] ?? {}).find(([, document]) =>
    new RegExp(`^query ${operation}\\b`).test(document),
  );
  if (!entry) throw new Error(`no trusted document ${operation} for ${organisation}`);
  return entry[0];
}

/** What the soak needs from the demo country to vary its subjects. */
export interface SoakSubjects {
  nationalIds: readonly string[];
  registryCodes: readonly string[];
  /** The person who consented to the bank's checks (the showcase person). */
  consentedNationalId: string;
}

/** One kind of request the soak sends, and how to tell from its answer what it released. */
export interface SoakWorkload {
  name: string;
  persona: PersonaName;
  purpose?: string;
  /** The citizen persona's token is minted for this subject, when it varies. */
  subject?: (i: number, subjects: SoakSubjects) => string;
  /** The request's body: a document of its own, or a trusted document's id and variables. */
  body: (i: number, subjects: SoakSubjects) => SoakBody;
  /**
   * How many people each agency released personal data about, read from the answer's data:
   * the number of access records the request must have left in each agency's log.
   */
  releases: (data: unknown) => Partial<Record<AgencyName, number>>;
}

/** Which agency answers each field of a person that the workloads ask for. */
const PERSON_FIELD_AGENCY: Readonly<Record<string, AgencyName>> = {
  givenName: 'population',
  familyName: 'population',
  dateOfBirth: 'population',
  address: 'population',
  household: 'population',
  incomeAssessments: 'tax',
  taxDebt: 'tax',
  benefitClaims: 'social',
  vaccinations: 'health',
  gp: 'health',
  vehicles: 'transport',
  drivingLicence: 'transport',
  boardMemberships: 'business',
};

/**
 * The agencies that released something about each person of `people`: a field of theirs
 * answered with a value (an empty list too: that someone has no vehicles is about them).
 */
export function releasesOf(people: readonly unknown[]): Partial<Record<AgencyName, number>> {
  const counts: Partial<Record<AgencyName, number>> = {};
  for (const person of people) {
    if (!person || typeof person !== 'object') continue;
    const agencies = new Set<AgencyName>();
    for (const [field, value] of Object.entries(person)) {
      const agency = PERSON_FIELD_AGENCY[field];
      if (agency && value !== null && value !== undefined) agencies.add(agency);
    }
    for (const agency of agencies) counts[agency] = (counts[agency] ?? 0) + 1;
  }
  return counts;
}

const field = (data: unknown, name: string): unknown =>
  data && typeof data === 'object' ? (data as Record<string, unknown>)[name] : undefined;

const onePerson = (data: unknown, root: string) => releasesOf([field(data, root)]);

const nth = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** Mixed traffic from every kind of caller the demo country has. */
export const SOAK_WORKLOADS: readonly SoakWorkload[] = [
  {
    name: 'public: a company and its board',
    persona: 'public',
    body: (i, s) => ({
      query: `{ company(registryCode: "${nth(s.registryCodes, i)}") { name status founded boardSeats { name role } } }`,
    }),
    releases: () => ({}),
  },
  {
    name: 'citizen: their own data across five agencies',
    persona: 'citizen',
    subject: (i, s) => nth(s.nationalIds, i * 7),
    body: () => ({
      query:
        '{ me { givenName address { city } incomeAssessments(year: 2025) { taxableIncome } benefitClaims { benefit } vehicles { registrationNumber } gp { practice } } }',
    }),
    releases: (data) => onePerson(data, 'me'),
  },
  {
    name: 'caseworker: a person, household, income and benefits',
    persona: 'caseworker',
    purpose: 'benefit-eligibility',
    body: (i, s) => ({
      query: `{ person(nationalId: "${nth(s.nationalIds, i)}") { givenName address { city } incomeAssessments { year taxableIncome } benefitClaims { benefit status } } }`,
    }),
    releases: (data) => onePerson(data, 'person'),
  },
  {
    name: 'tax officer: income, debt and board seats',
    persona: 'tax-officer',
    purpose: 'tax-assessment',
    body: (i, s) => ({
      query: `{ person(nationalId: "${nth(s.nationalIds, i * 3)}") { givenName incomeAssessments(year: 2024) { taxableIncome taxPaid } taxDebt boardMemberships { name } } }`,
    }),
    releases: (data) => onePerson(data, 'person'),
  },
  {
    name: 'physician: vaccinations and GP',
    persona: 'physician',
    purpose: 'medical-treatment',
    body: (i, s) => ({
      query: `{ person(nationalId: "${nth(s.nationalIds, i * 5)}") { givenName vaccinations { vaccine date } gp { practice } } }`,
    }),
    releases: (data) => onePerson(data, 'person'),
  },
  {
    name: 'police officer: licence and vehicles',
    persona: 'police-officer',
    purpose: 'traffic-control',
    body: (i, s) => ({
      query: `{ person(nationalId: "${nth(s.nationalIds, i * 11)}") { givenName drivingLicence { categories validUntil } vehicles { make } } }`,
    }),
    releases: (data) => onePerson(data, 'person'),
  },
  {
    name: 'bank: income bands, by trusted document',
    persona: 'bank',
    purpose: 'loan-application',
    body: (i, s) => ({
      documentId: trustedDocumentId('demo-bank', 'LoanApplicantIncome'),
      variables: { nationalId: s.consentedNationalId, year: 2021 + (i % 5) },
    }),
    releases: (data) => onePerson(data, 'person'),
  },
  {
    name: 'statistician: a table across two agencies',
    persona: 'statistician',
    purpose: 'official-statistics',
    body: () => ({
      query:
        '{ statistics(population: CHILD_ALLOWANCE_RECIPIENTS, by: [MUNICIPALITY]) { cells { categories value reason } } }',
    }),
    // Aggregates leave no access record: the governance log records the table instead.
    releases: () => ({}),
  },
  {
    name: 'auditor: the agreement register',
    persona: 'auditor',
    purpose: 'oversight',
    body: () => ({ query: '{ agreements { id provider consumer purposes form } }' }),
    releases: () => ({}),
  },
];
