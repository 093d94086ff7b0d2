import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, trace } from '@opentelemetry/api';
import { type DocumentNode, Kind, type OperationDefinitionNode } from 'graphql';
import { govgraphTracer, runInSpan } from '../../platform/tracing/runInSpan';
import { allowedAttributes } from '../../platform/tracing/spanAttributes';

/**
 * Spans for each request the gateway serves: the request, parsing, validation, execution,
 * each query plan the planner makes, each subgraph execution and each call to a subgraph,
 * which carries the W3C trace context (`traceparent`, `tracestate`) so the subgraph's spans
 * join the gateway's trace.
 *
 * Every request starts a new trace: a client's own `traceparent` is not continued (it would
 * let a caller choose trace ids, join its traffic to someone else's trace, or force
 * sampling). The trace context sent to subgraphs is outside the signed gateway token: it
 * carries no authority, and a subgraph reads it only from a call whose token it has verified.
 */
export function useTracing(): GatewayPlugin {
  const requestSpans = new WeakMap<Request, Span>();
  return {
    instrumentation: {
      request: ({ request }, wrapped) =>
        runInSpan(
          'gateway.request',
          {
            kind: SpanKind.SERVER,
            root: true,
            parent: ROOT_CONTEXT,
            attributes: {
              'http.request.method': request.method,
              'url.path': new URL(request.url).pathname,
            },
          },
          (span) => {
            requestSpans.set(request, span);
            return wrapped();
          },
        ),
      parse: (_payload, wrapped) => runInSpan('graphql.parse', {}, wrapped),
      validate: (_payload, wrapped) => runInSpan('graphql.validate', {}, wrapped),
      execute: (_payload, wrapped) => runInSpan('graphql.execute', {}, wrapped),
      subgraphExecute: ({ subgraphName }, wrapped) =>
        runInSpan(
          'subgraph.execute',
          { attributes: { 'govgraph.subgraph': subgraphName } },
          wrapped,
        ),
      fetch: (_payload, wrapped) => runInSpan('subgraph.fetch', { kind: SpanKind.CLIENT }, wrapped),
    },
    onResponse({ request, response }) {
      requestSpans.get(request)?.setAttribute('http.response.status_code', response.status);
    },
    onExecute({ args }) {
      const operation = (args.document as DocumentNode).definitions.find(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION,
      );
      if (operation)
        trace.getActiveSpan()?.setAttribute('graphql.operation.type', operation.operation);
    },
    onDelegationPlan({ subgraph, typeName }) {
      const span = govgraphTracer().startSpan('gateway.plan', {
        attributes: allowedAttributes({
          'govgraph.subgraph': subgraph,
          'govgraph.plan.type': typeName,
        }),
      });
      return () => span.end();
    },
    onFetch({ url, options, setOptions }) {
      const span = trace.getActiveSpan();
      if (!span) return;
      const target = new URL(url);
      span.setAttributes(
        allowedAttributes({
          'http.request.method': options.method ?? 'POST',
          'server.address': target.hostname,
          'server.port': Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
          'url.path': target.pathname,
        }),
      );
      const headers = { ...(options.headers as Record<string, string> | undefined) };
      propagation.inject(context.active(), headers);
      setOptions({ ...options, headers });
      return ({ response }) => {
        span.setAttribute('http.response.status_code', response.status);
      };
    },
  };
}
