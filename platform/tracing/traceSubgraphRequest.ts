import { propagation, ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';
import { runInSpan } from './runInSpan';
import { tracingActive } from './tracingActive';

/**
 * Runs a subgraph's handling of one gateway call in a server span that continues the trace
 * the call's `traceparent` names. Called only once the call's gateway token has been verified,
 * so nobody but the gateway chooses which trace a subgraph's spans join.
 */
export function traceSubgraphRequest<T>(
  subgraph: string | undefined,
  headers: IncomingHttpHeaders,
  work: () => Promise<T>,
): Promise<T> {
  if (!tracingActive()) return work();
  return runInSpan(
    'subgraph.request',
    {
      kind: SpanKind.SERVER,
      parent: propagation.extract(ROOT_CONTEXT, headers),
      attributes: { 'govgraph.subgraph': subgraph, 'http.request.method': 'POST' },
    },
    work,
  );
}
