import { SHOWCASE } from '../../demo/showcase';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import { dashboardQueries, familyOf, metricNamesOf } from './dashboardMetricNames';
import { metricFamilies, scrape, total } from './scrape';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ metricsPorts: 'ephemeral' });
});
afterAll(() => federation?.stop());

const gatewayMetrics = () => scrape(federation.gatewayMetricsUrl!);
const subgraphMetrics = (agency: 'population' | 'tax') =>
  scrape(federation.subgraphs[agency].metricsUrl!);

const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' };
const PERSON = `query CaseFile($id: ID!) {
  person(nationalId: $id) { givenName address { city } incomeAssessments { year } }
}`;

describe('the Prometheus endpoints', () => {
  it('are served on ports of their own, and the public ports do not serve /metrics', async () => {
    const gatewayPublic = new URL(federation.gatewayUrl);
    const gatewayScrape = new URL(federation.gatewayMetricsUrl!);
    expect(gatewayScrape.port).not.toBe(gatewayPublic.port);
    expect((await fetch(new URL('/metrics', gatewayPublic))).status).toBe(404);
    expect((await fetch(new URL('/graphql', gatewayScrape))).status).toBe(404);

    const population = federation.subgraphs.population;
    const subgraphScrape = new URL(population.metricsUrl!);
    expect(subgraphScrape.port).not.toBe(new URL(population.url).port);
    expect((await fetch(new URL('/metrics', population.url))).status).toBe(404);
    const scraped = await fetch(subgraphScrape);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('count and time a request per operation at the gateway and per subgraph', async () => {
    const gatewayBefore = await gatewayMetrics();
    const populationBefore = await subgraphMetrics('population');
    const { body } = await federation.query(PERSON, {
      ...CASEWORKER,
      variables: { id: SHOWCASE.nationalId },
    });
    expect(body.errors).toBeUndefined();
    const gatewayAfter = await gatewayMetrics();
    const populationAfter = await subgraphMetrics('population');

    const requests = 'govgraph_gateway_request_duration_seconds_count';
    expect(total(gatewayAfter, requests, { operation: 'CaseFile', status: '200' })).toBe(
      total(gatewayBefore, requests, { operation: 'CaseFile', status: '200' }) + 1,
    );
    const operations = 'govgraph_gateway_operation_duration_seconds_count';
    expect(total(gatewayAfter, operations, { operation: 'CaseFile' })).toBe(
      total(gatewayBefore, operations, { operation: 'CaseFile' }) + 1,
    );
    const calls = 'govgraph_gateway_subgraph_duration_seconds_count';
    for (const subgraph of ['population', 'tax'])
      expect(total(gatewayAfter, calls, { subgraph })).toBeGreaterThan(
        total(gatewayBefore, calls, { subgraph }),
      );
    const served = 'govgraph_subgraph_request_duration_seconds_count';
    expect(total(populationAfter, served, { subgraph: 'population', status: 'ok' })).toBe(
      total(populationBefore, served, { subgraph: 'population', status: 'ok' }) + 1,
    );
  });

  it('count policy decisions by agency, field and decision, and the access records written', async () => {
    const before = await subgraphMetrics('population');
    await federation.query(PERSON, { ...CASEWORKER, variables: { id: SHOWCASE.nationalId } });
    // The police may identify a driver, but not read their household.
    const { body } = await federation.query(
      `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName household { id } } }`,
      { persona: 'police-officer', purpose: 'traffic-control' },
    );
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const after = await subgraphMetrics('population');
    const decisions = 'govgraph_policy_decisions_total';
    const allowed = { agency: 'population', field: 'Person.givenName', decision: 'allow' };
    // Once per field per request: the caseworker's request and the officer's.
    expect(total(after, decisions, allowed)).toBe(total(before, decisions, allowed) + 2);
    const denied = { agency: 'population', field: 'Person.household', decision: 'deny' };
    expect(total(after, decisions, denied)).toBeGreaterThan(total(before, decisions, denied));
    const records = 'govgraph_access_records_written_total';
    expect(total(after, records, { agency: 'population' })).toBeGreaterThan(
      total(before, records, { agency: 'population' }),
    );
    expect(total(after, 'govgraph_errors_total', { code: 'FORBIDDEN' })).toBeGreaterThan(
      total(before, 'govgraph_errors_total', { code: 'FORBIDDEN' }),
    );
  });

  it('count consent checks by outcome', async () => {
    const before = await subgraphMetrics('tax');
    const { body } = await federation.query(
      `{ person(nationalId: "${SHOWCASE.nationalId}") { incomeAssessments { year incomeBand } } }`,
      { persona: 'bank', purpose: 'loan-application' },
    );
    expect(body.errors).toBeUndefined();
    const after = await subgraphMetrics('tax');
    const given = { agency: 'tax', outcome: 'given' };
    expect(total(after, 'govgraph_consent_checks_total', given)).toBeGreaterThan(
      total(before, 'govgraph_consent_checks_total', given),
    );
  });

  it('count limits hit and errors by code at the gateway', async () => {
    const before = await gatewayMetrics();
    const levels = 'household { members { '.repeat(10);
    const deep = `{ person(nationalId: "${SHOWCASE.nationalId}") { ${levels}givenName${' } }'.repeat(10)} } }`;
    const { body } = await federation.query(deep);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    const after = await gatewayMetrics();
    const limit = { limit: 'QUERY_TOO_DEEP' };
    expect(total(after, 'govgraph_limits_hit_total', limit)).toBe(
      total(before, 'govgraph_limits_hit_total', limit) + 1,
    );
    const code = { code: 'QUERY_TOO_DEEP' };
    expect(total(after, 'govgraph_errors_total', code)).toBe(
      total(before, 'govgraph_errors_total', code) + 1,
    );
  });

  it('count a request refused before it is parsed, with its HTTP status', async () => {
    const before = await gatewayMetrics();
    const { status } = await federation.post(
      JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(1_100_000) }),
      { 'content-type': 'application/json' },
    );
    expect(status).toBe(413);
    const after = await gatewayMetrics();
    const limit = { limit: 'REQUEST_TOO_LARGE' };
    expect(total(after, 'govgraph_limits_hit_total', limit)).toBe(
      total(before, 'govgraph_limits_hit_total', limit) + 1,
    );
    const refused = { status: '413' };
    expect(total(after, 'govgraph_gateway_request_duration_seconds_count', refused)).toBe(
      total(before, 'govgraph_gateway_request_duration_seconds_count', refused) + 1,
    );
  });

  it('report the connection pools and the policy store staleness of each subgraph', async () => {
    const samples = await subgraphMetrics('tax');
    const pools = samples.filter((s) => s.name === 'govgraph_db_pool_connections');
    expect(pools.map((s) => `${s.labels.pool}/${s.labels.state}`)).toEqual(
      expect.arrayContaining(['data/used', 'data/free', 'policy/used', 'policy/free']),
    );
    expect(samples.filter((s) => s.name === 'govgraph_db_pool_waiting').length).toBeGreaterThan(0);
    const staleness = samples.find((s) => s.name === 'govgraph_policy_store_staleness_seconds');
    expect(staleness?.labels.agency).toBe('tax');
    expect(staleness!.value).toBeGreaterThanOrEqual(0);
    expect(staleness!.value).toBeLessThan(30);
  });
});

describe('the Grafana dashboard', () => {
  it('uses only metrics the gateway and the subgraphs register, and shows every one of them', async () => {
    const families = new Set([
      ...(await metricFamilies(federation.gatewayMetricsUrl!)),
      ...(await metricFamilies(federation.subgraphs.tax.metricsUrl!)),
    ]);
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(10);
    const used = new Set(
      queries.flatMap(({ expr }) => metricNamesOf(expr).map((name) => familyOf(name, families))),
    );
    expect([...used].filter((name) => !families.has(name))).toEqual([]);
    const ours = [...families].filter((name) => name.startsWith('govgraph_'));
    expect(ours.filter((name) => !used.has(name))).toEqual([]);
  });

  it('is checked by a parser that rejects what is not PromQL', () => {
    expect(
      metricNamesOf('sum by (le) (rate(govgraph_errors_total{code="FORBIDDEN"}[5m]))'),
    ).toEqual(['govgraph_errors_total']);
    expect(() => metricNamesOf('sum(rate(govgraph_errors_total[5m])')).toThrow(/not valid PromQL/);
  });
});
