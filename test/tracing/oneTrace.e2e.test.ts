import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { AGENCY_NAMES } from '../../platform/agencies';
import { installTracing, type Tracing } from '../../platform/tracing/startTracing';
import { ALLOWED_SPAN_ATTRIBUTES } from '../../platform/tracing/spanAttributes';
import { SHOWCASE } from '../../demo/showcase';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import { recordSubgraphTraceHeaders } from './support/subgraphTraceHeaders';
import { spanId, spanTree, traceId } from './support/spanTree';

// The README's cross-agency query: one person's records from the population register, the
// tax board, social insurance, health, transport and the business register.
const CROSS_AGENCY_QUERY = `query Showcase($id: ID!) {
  person(nationalId: $id) {
    givenName familyName
    address { city }
    incomeAssessments { year taxableIncome }
    benefitClaims { benefit }
    vaccinations { vaccine }
    vehicles { make }
    boardMemberships { name }
  }
}`;

// What the response holds about her: none of it may be in a span.
const PERSONAL_VALUES = [
  SHOWCASE.nationalId,
  'Mari',
  'Tamm',
  'Tartu',
  SHOWCASE.vehicleRegistration,
];

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let federation: TestFederation;
beforeAll(async () => {
  // One process holds the gateway and every subgraph here, so one provider records them all;
  // the trace context still crosses each real HTTP call between them.
  tracing = installTracing({ serviceName: 'govgraph-test', exporter, exportEachSpan: true });
  federation = await startTestFederation();
});
afterAll(async () => {
  await federation?.stop();
  await tracing?.shutdown();
});

/** Runs the query as the showcase person and waits until its gateway span has ended. */
async function tracedQuery(clientTraceparent?: string) {
  exporter.reset();
  const headers = clientTraceparent ? { traceparent: clientTraceparent } : undefined;
  const { body } = await federation.query(CROSS_AGENCY_QUERY, {
    variables: { id: SHOWCASE.nationalId },
    persona: 'citizen',
    headers,
  });
  expect(body.errors).toBeUndefined();
  let roots: ReadableSpan[] = [];
  while (roots.length === 0) {
    await new Promise((resolve) => setImmediate(resolve));
    roots = exporter.getFinishedSpans().filter((span) => span.name === 'gateway.request');
  }
  expect(roots).toHaveLength(1);
  return spanTree(roots[0]!, exporter.getFinishedSpans());
}

describe('one trace for the cross-agency query', () => {
  it('spans the gateway, its plans and subgraph calls, and every subgraph down to its SQL', async () => {
    const headers = recordSubgraphTraceHeaders(
      AGENCY_NAMES.map((agency) => federation.subgraphs[agency].url),
    );
    const tree = await tracedQuery().finally(() => headers.stop());

    expect(tree.root.parentSpanContext).toBeUndefined();
    expect(tree.root.attributes).toMatchObject({
      'http.request.method': 'POST',
      'url.path': '/graphql',
      'http.response.status_code': 200,
    });
    expect(tree.named('graphql.execute')[0]!.attributes['graphql.operation.type']).toBe('query');
    for (const name of ['graphql.parse', 'graphql.validate', 'graphql.execute', 'gateway.plan'])
      expect(tree.named(name).length).toBeGreaterThan(0);
    for (const span of tree.spans)
      if (span !== tree.root) expect(tree.isBelow(span, tree.root)).toBe(true);

    // Each subgraph's server span is a child of the gateway's call to it.
    const serverSpans = tree.named('subgraph.request');
    const fetches = new Map(tree.named('subgraph.fetch').map((span) => [spanId(span), span]));
    for (const server of serverSpans) {
      const fetch = fetches.get(server.parentSpanContext!.spanId);
      expect(fetch).toBeDefined();
      const execute = tree.parentOf(fetch!)!;
      expect(execute.name).toBe('subgraph.execute');
      expect(execute.attributes['govgraph.subgraph']).toBe(server.attributes['govgraph.subgraph']);
    }
    const tracedSubgraphs = new Set(
      serverSpans.map((span) => span.attributes['govgraph.subgraph']),
    );
    expect(tracedSubgraphs.size).toBeGreaterThanOrEqual(3);

    // Resolvers and SQL under each subgraph's server span.
    const below = (name: RegExp) =>
      new Set(
        tree.spans
          .filter((span) => name.test(span.name))
          .map((span) => serverSpans.find((server) => tree.isBelow(span, server)))
          .filter((server) => server !== undefined)
          .map((server) => server.attributes['govgraph.subgraph']),
      );
    expect(below(/^sql /).size).toBeGreaterThanOrEqual(3);
    expect(below(/^resolve Query\._entities$/).size).toBeGreaterThanOrEqual(3);
    expect(below(/^resolve Query\.person$/)).toEqual(new Set(['population']));

    // Every call a subgraph received carried the gateway's trace.
    expect(headers.received().length).toBe(serverSpans.length);
    for (const { traceparent } of headers.received())
      expect(traceparent).toMatch(new RegExp(`^00-${traceId(tree.root)}-[0-9a-f]{16}-01$`));
  });

  it("starts a new trace at the gateway instead of continuing a client's traceparent", async () => {
    const clientTrace = '0af7651916cd43dd8448eb211c80319c';
    const tree = await tracedQuery(`00-${clientTrace}-b7ad6b7169203331-01`);
    expect(traceId(tree.root)).not.toBe(clientTrace);
    expect(tree.root.parentSpanContext).toBeUndefined();
    expect(exporter.getFinishedSpans().filter((span) => traceId(span) === clientTrace)).toEqual([]);
  });

  it('records no personal data: allowed attributes only, SQL without its parameters', async () => {
    const tree = await tracedQuery();
    const statements = tree.spans
      .filter((span) => span.name.startsWith('sql '))
      .map((span) => String(span.attributes['db.query.text']));
    expect(statements.some((sql) => /\?|\$\d/.test(sql))).toBe(true);
    for (const span of exporter.getFinishedSpans()) {
      // Statements outside any request (policy refreshes, witness heads) are not traced.
      if (span.name.startsWith('sql ')) expect(span.parentSpanContext).toBeDefined();
      for (const key of Object.keys(span.attributes))
        expect(ALLOWED_SPAN_ATTRIBUTES).toContain(key);
      const text = JSON.stringify([span.name, span.attributes, span.events]);
      for (const value of PERSONAL_VALUES) expect(text).not.toContain(value);
    }
  });
});
