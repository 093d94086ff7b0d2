import type { PersonaName } from '../../demo/identity/personas';
import type { WorkloadName } from './benchArgs';

/** What the workloads vary their subjects over, read from the seeded database. */
export interface BenchSubjects {
  nationalIds: readonly string[];
  registryCodes: readonly string[];
  /** Page positions: a person's list key, from which a page starts after it. */
  listKeys: readonly string[];
  /** The page cursor the graph takes for each list key (sealed with the subgraphs' key). */
  cursorOf(listKey: string): string;
}

/** One kind of request, as a GraphQL document for the gateways and as a subject for the floor. */
export interface BenchWorkload {
  name: WorkloadName;
  description: string;
  persona: PersonaName;
  purpose?: string;
  /** The i-th request's subject (a national ID, registry code or list key). */
  subject(i: number, subjects: BenchSubjects): string;
  /** The citizen persona's token is minted for the subject itself. */
  asSubject?: boolean;
  /** The GraphQL document that asks for it. */
  query(subject: string, subjects: BenchSubjects): string;
  /**
   * It needs govgraph's governance (statistics are computed for a signed-in organisation):
   * only govgraph and the floor run it, not the bare peers.
   */
  governedOnly?: boolean;
}

/** The two tables of the aggregate workload: one agency alone, and two joined through the graph. */
export const AGGREGATE_TABLES = {
  single:
    '{ statistics(population: PEOPLE, by: [MUNICIPALITY, AGE_BAND]) { margins { dimension category value } } }',
  joined:
    '{ statistics(population: CHILD_ALLOWANCE_RECIPIENTS, by: [INCOME_BAND]) { margins { value } } }',
} as const;

const nth = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

const PAGE_FIELDS =
  'nodes { givenName household { members { givenName } } incomeAssessments { year taxableIncome } }';

/** The workloads of the benchmark; the floor answers each with one SQL statement (floorQueries.ts). */
export const WORKLOADS: Readonly<Record<WorkloadName, BenchWorkload>> = {
  'person-3': {
    name: 'person-3',
    description: 'one person across three agencies',
    persona: 'caseworker',
    purpose: 'benefit-eligibility',
    subject: (i, s) => nth(s.nationalIds, i),
    query: (id) =>
      `{ person(nationalId: "${id}") { givenName familyName address { city } incomeAssessments { year taxableIncome } benefitClaims { monthlyAmount since } } }`,
  },
  'profile-6': {
    name: 'profile-6',
    description: 'the six-agency profile, read by the person',
    persona: 'citizen',
    asSubject: true,
    subject: (i, s) => nth(s.nationalIds, i),
    query: (id) =>
      `{ person(nationalId: "${id}") { givenName familyName dateOfBirth address { city } incomeAssessments { year taxableIncome } benefitClaims { monthlyAmount since } vaccinations { vaccine date } vehicles { make model } boardMemberships { name founded } } }`,
  },
  'page-20': {
    name: 'page-20',
    description: 'a page of 20 people, household and income',
    persona: 'caseworker',
    purpose: 'benefit-eligibility',
    subject: (i, s) => nth(s.listKeys, i),
    query: (key, s) => `{ people(first: 20, after: "${s.cursorOf(key)}") { ${PAGE_FIELDS} } }`,
  },
  'page-100': {
    name: 'page-100',
    description: 'a page of 100 people, household and income',
    persona: 'caseworker',
    purpose: 'benefit-eligibility',
    subject: (i, s) => nth(s.listKeys, i),
    query: (key, s) => `{ people(first: 100, after: "${s.cursorOf(key)}") { ${PAGE_FIELDS} } }`,
  },
  'company-board': {
    name: 'company-board',
    description: 'a company with its board (public)',
    persona: 'public',
    subject: (i, s) => nth(s.registryCodes, i),
    query: (code) =>
      `{ company(registryCode: "${code}") { name founded legalForm boardSeats { name since } } }`,
  },
  aggregate: {
    name: 'aggregate',
    description:
      'a statistical table: the whole register by municipality and age band (one agency), then child allowance recipients by income band (two agencies, joined)',
    persona: 'statistician',
    purpose: 'official-statistics',
    governedOnly: true,
    subject: (i) => (i % 2 === 0 ? 'single' : 'joined'),
    query: (table) => AGGREGATE_TABLES[table as keyof typeof AGGREGATE_TABLES],
  },
  public: {
    name: 'public',
    description: 'a public query, no personal data',
    persona: 'public',
    subject: (i, s) => nth(s.registryCodes, i),
    query: (code) => `{ company(registryCode: "${code}") { name founded legalForm city } }`,
  },
};
