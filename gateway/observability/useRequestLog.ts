import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST } from 'graphql';
import type { Logger } from '../../platform/logging/logger';
import { callerFields, errorCodesOf, millisecondsSince } from '../../platform/logging/requestLine';
import type { RequestIds } from '../identity/requestIds';
import type { RequestIdentities } from '../identity/useClientIdentity';
import type { GatewayMetrics } from './gatewayMetrics';

/** What is gathered about one request while it is served. */
interface RequestTrace {
  start: number;
  operationName: string | null;
  subgraphs: Set<string>;
  errorCodes: string[];
}

/**
 * One log line per request the gateway answers, refused ones included: the gateway's own
 * request id, the caller's kind and organisation, the purpose, the operation, the subgraphs
 * called, the HTTP status, the error codes and the duration; and the request counted and
 * timed. Variables, results, tokens and subjects are never part of it.
 */
export function useRequestLog(options: {
  logger: Logger;
  requestIds: RequestIds;
  identities: RequestIdentities;
  metrics: GatewayMetrics;
}): GatewayPlugin {
  const traces = new WeakMap<Request, RequestTrace>();
  const traceOf = (request: Request | undefined) => (request ? traces.get(request) : undefined);
  return {
    onRequest({ request }) {
      traces.set(request, {
        start: performance.now(),
        operationName: null,
        subgraphs: new Set(),
        errorCodes: [],
      });
    },
    onParams({ params, request }) {
      const trace = traceOf(request);
      if (trace && typeof params.operationName === 'string')
        trace.operationName = params.operationName;
    },
    onExecute({ args }) {
      const trace = traceOf((args.contextValue as { request?: Request }).request);
      const name = getOperationAST(args.document, args.operationName)?.name?.value;
      if (trace && name) trace.operationName = name;
    },
    onSubgraphExecute({ subgraphName, executionRequest }) {
      traceOf(
        (executionRequest.context as { request?: Request } | undefined)?.request,
      )?.subgraphs.add(subgraphName);
    },
    onResultProcess({ request, result }) {
      const trace = traceOf(request);
      if (!trace) return;
      const results = Array.isArray(result) ? result : [result];
      for (const single of results) {
        if (single && typeof single === 'object' && 'errors' in single)
          trace.errorCodes.push(...errorCodesOf(single.errors as never));
      }
    },
    onResponse({ request, response }) {
      const trace = traceOf(request);
      if (!trace) return;
      traces.delete(request);
      const durationMs = millisecondsSince(trace.start);
      const errorCodes = [...new Set(trace.errorCodes)];
      options.metrics.requestServed(
        trace.operationName,
        response.status,
        durationMs / 1000,
        errorCodes,
      );
      const identity = options.identities.get(request);
      options.logger.info(
        {
          requestId: options.requestIds.of(request),
          ...callerFields(identity?.caller),
          purpose: identity?.purpose ?? null,
          operationName: trace.operationName,
          subgraphs: [...trace.subgraphs],
          httpStatus: response.status,
          durationMs,
          status: errorCodes.length === 0 && response.status < 400 ? 'ok' : 'error',
          errorCodes,
        },
        'gateway request',
      );
    },
  };
}
