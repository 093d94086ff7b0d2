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
  /** The GraphQL document that asks for it, with the subject written into it. */
  query(subject: string, subjects: BenchSubjects): string;
  /**
   * It needs govgraph's governance (statistics are computed for a signed-in organisation):
   * only govgraph and the floor run it, not the bare peers.
   */
  governedOnly?: boolean;
  /**
   * The same request as one document for every subject, the subject in its variables; absent
   * where the subject picks the document itself (the aggregate workload's two tables).
   */
  parameterised?: {
    document: string;
    variables(subject: string, subjects: BenchSubjects): Record<string, unknown>;
  };
}

/** A workload's request as its body carries it. */
export interface BenchRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** The i-th request of a workload, in the given document style. */
export function benchRequest(
  workload: BenchWorkload,
  subject: string,
  subjects: BenchSubjects,
  style: 'variables' | 'literals',
): BenchRequest {
  return style === 'literals' || !workload.parameterised
    ? { query: workload.query(subject, subjects) }
    : {
        query: workload.parameterised.document,
        variables: workload.parameterised.variables(subject, subjects),
      };
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
    parameterised: {
      document:
        'query Person3($id: ID!) { person(nationalId: $id) { givenName familyName address { city } incomeAssessments { year taxableIncome } benefitClaims { monthlyAmount since } } }',
      variables: (id) => ({ id }),
    },
  },
  'profile-6': {
    name: 'profile-6',
    description: 'the six-agency profile, read by the person',
    persona: 'citizen',
    asSubject: true,
    subject: (i, s) => nth(s.nationalIds, i),
    query: (id) =>
      `{ person(nationalId: "${id}") { givenName familyName dateOfBirth address { city } incomeAssessments { year taxableIncome } benefitClaims { monthlyAmount since } vaccinations { vaccine date } vehicles { make model } boardMemberships { name founded } } }`,
    parameterised: {
      document:
        'query Profile6($id: ID!) { person(nationalId: $id) { givenName familyName dateOfBirth address { city } incomeAssessments { year taxableIncome } benefitClaims { monthlyAmount since } vaccinations { vaccine date } vehicles { make model } boardMemberships { name founded } } }',
      variables: (id) => ({ id }),
    },
  },
  'page-20': {
    name: 'page-20',
    description: 'a page of 20 people, household and income',
    persona: 'caseworker',
    purpose: 'benefit-eligibility',
    subject: (i, s) => nth(s.listKeys, i),
    query: (key, s) => `{ people(first: 20, after: "${s.cursorOf(key)}") { ${PAGE_FIELDS} } }`,
    parameterised: {
      document: `query Page20($after: String) { people(first: 20, after: $after) { ${PAGE_FIELDS} } }`,
      variables: (key, s) => ({ after: s.cursorOf(key) }),
    },
  },
  'page-100': {
    name: 'page-100',
    description: 'a page of 100 people, household and income',
    persona: 'caseworker',
    purpose: 'benefit-eligibility',
    subject: (i, s) => nth(s.listKeys, i),
    query: (key, s) => `{ people(first: 100, after: "${s.cursorOf(key)}") { ${PAGE_FIELDS} } }`,
    parameterised: {
      document: `query Page100($after: String) { people(first: 100, after: $after) { ${PAGE_FIELDS} } }`,
      variables: (key, s) => ({ after: s.cursorOf(key) }),
    },
  },
  'company-board': {
    name: 'company-board',
    description: 'a company with its board (public)',
    persona: 'public',
    subject: (i, s) => nth(s.registryCodes, i),
    query: (code) =>
      `{ company(registryCode: "${code}") { name founded legalForm boardSeats { name since } } }`,
    parameterised: {
      document:
        'query CompanyBoard($code: ID!) { company(registryCode: $code) { name founded legalForm boardSeats { name since } } }',
      variables: (code) => ({ code }),
    },
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
    parameterised: {
      document:
        'query PublicCompany($code: ID!) { company(registryCode: $code) { name founded legalForm city } }',
      variables: (code) => ({ code }),
    },
  },
};
