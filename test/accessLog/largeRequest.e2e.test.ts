import { MAX_SUBJECTS_PER_REQUEST } from '../../platform/accessLog/accessLogBound';
import { verifyAccessLog } from '../../platform/accessLog/verifyAccessLog';
import type { Db } from '../../platform/db/createDb';
import type { RequestIdentity } from '../../platform/identity/RequestIdentity';
import { statementsOf } from '../support/countStatements';
import { callerOf } from '../support/subgraphRequest';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';

const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' };

let federation: TestFederation;
let db: Db;
beforeAll(async () => {
  federation = await startTestFederation();
  db = connectTestDatabase(2);
});
afterAll(async () => {
  await federation?.stop();
  await db?.destroy();
});

async function recordsOf(schema: string, requestId: string) {
  const rows: { subject_id: string; fields: string[] }[] = await db(`${schema}.access_log`)
    .where({ request_id: requestId })
    .select('subject_id', 'fields');
  return rows;
}

describe('a request about many people', () => {
  it(`records a page of ${MAX_SUBJECTS_PER_REQUEST} people: one record per person per agency`, async () => {
    const response = await federation.query<{
      people: { nodes: { givenName: string; incomeAssessments: unknown[] | null }[] };
    }>(
      `{ people(first: ${MAX_SUBJECTS_PER_REQUEST}) { nodes { givenName incomeAssessments(year: 2025) { incomeBand } } } }`,
      CASEWORKER,
    );
    expect(response.body.errors).toBeUndefined();
    const { nodes } = response.body.data!.people;
    expect(nodes).toHaveLength(MAX_SUBJECTS_PER_REQUEST);
    const requestId = response.headers.get('x-request-id')!;

    const population = await recordsOf('population', requestId);
    expect(population).toHaveLength(MAX_SUBJECTS_PER_REQUEST);
    expect(new Set(population.map((r) => r.subject_id)).size).toBe(MAX_SUBJECTS_PER_REQUEST);
    expect(population.every((r) => r.fields.join() === 'Person.givenName')).toBe(true);

    // The tax board records whom it was asked about, with or without an income that year.
    const withIncome = nodes.filter((n) => (n.incomeAssessments ?? []).length > 0).length;
    const tax = await recordsOf('tax', requestId);
    expect(withIncome).toBeGreaterThan(1000);
    expect(tax).toHaveLength(MAX_SUBJECTS_PER_REQUEST);
    expect(tax.filter((r) => r.fields.includes('IncomeAssessment.incomeBand'))).toHaveLength(
      withIncome,
    );
    for (const schema of ['population', 'tax'])
      expect((await verifyAccessLog(db, schema)).problem).toBeUndefined();
  });

  it('refuses, before reading anything, an entity call about more people than that', async () => {
    const register: string[] = await db('population.person')
      .orderBy('national_id')
      .limit(MAX_SUBJECTS_PER_REQUEST)
      .pluck('national_id');
    // One name more than the bound (the demo register may hold no more people than that).
    const ids = [...register, ...register].slice(0, MAX_SUBJECTS_PER_REQUEST + 1);
    const body = JSON.stringify({
      query:
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { incomeAssessments { year } } } }',
      variables: { r: ids.map((id) => ({ __typename: 'Person', id })) },
    });
    const identity: RequestIdentity = {
      requestId: 'too-many-subjects',
      caller: callerOf('caseworker'),
      purpose: 'benefit-eligibility',
      caseId: null,
    };
    let response: Awaited<ReturnType<TestFederation['postToSubgraph']>> | undefined;
    const statements = await statementsOf(federation.subgraphs.tax.db, async () => {
      response = await federation.postToSubgraph('tax', body, {
        'x-gateway-token': await federation.mintGatewayToken('tax', body, identity),
      });
    });
    expect(response!.body.data ?? null).toBeNull();
    expect(response!.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_SUBJECTS');
    expect(statements).toBe(0);
  });

  it('refuses, before reading anything, a page whose nested lists could reach more people than that', async () => {
    let body: Awaited<ReturnType<TestFederation['query']>>['body'] | undefined;
    const statements = await statementsOf(federation.subgraphs.population.db, async () => {
      ({ body } = await federation.query(
        `{ people(first: ${MAX_SUBJECTS_PER_REQUEST}) { nodes { givenName household { members { givenName } } } } }`,
        CASEWORKER,
      ));
    });
    expect((body!.data as { people?: unknown } | null | undefined)?.people ?? null).toBeNull();
    expect(body!.errors?.[0]?.extensions?.code).toBe('TOO_MANY_SUBJECTS');
    expect(body!.errors?.[0]?.message).toContain('ask for smaller pages');
    expect(statements).toBe(0);
    // A smaller page of the same question is answered.
    const smaller = await federation.query(
      `{ people(first: 100) { nodes { givenName household { members { givenName } } } } }`,
      CASEWORKER,
    );
    expect(smaller.body.errors).toBeUndefined();
  });
});
