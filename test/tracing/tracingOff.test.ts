import { context, propagation, trace } from '@opentelemetry/api';
import { postGraphQL } from '../../gateway/testing/postGraphQL';
import {
  startTestFederation,
  type TestFederation,
} from '../../gateway/testing/startTestFederation';
import { startTracing, type Tracing } from '../../platform/tracing/startTracing';
import { tracingActive } from '../../platform/tracing/tracingActive';
import { loadTracingConfig } from '../../platform/tracing/tracingConfig';

// An environment as a service gets it without any OTEL_* variable.
const ENV_WITHOUT_OTEL = { LOG_LEVEL: 'info', PORT: '4000' };

let tracing: Tracing;
let federation: TestFederation;
beforeAll(async () => {
  tracing = startTracing(loadTracingConfig('gateway', 'govgraph-gateway', ENV_WITHOUT_OTEL));
  federation = await startTestFederation();
});
afterAll(async () => {
  await federation?.stop();
  await tracing?.shutdown();
});

describe('without OTEL_* variables', () => {
  it('installs no tracer provider, propagator or instrumentation', () => {
    expect(tracingActive()).toBe(false);
    const span = trace.getTracer('govgraph').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    span.end();
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), carrier);
    expect(carrier).toEqual({});
  });

  it('sends subgraphs no trace context, not even one a client sent', async () => {
    const response = await postGraphQL(
      federation.graphqlUrl,
      { query: '{ thing(id: "1") { name taxNumber } }' },
      { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    );
    expect(response.body.data).toEqual({ thing: { name: 'First thing', taxNumber: 'T-001' } });
    const received = [...federation.population.requests, ...federation.tax.requests];
    expect(received.length).toBeGreaterThanOrEqual(2);
    for (const { headers } of received) {
      expect(headers.traceparent).toBeUndefined();
      expect(headers.tracestate).toBeUndefined();
    }
  });
});
