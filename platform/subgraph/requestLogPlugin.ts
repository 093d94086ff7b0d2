import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '../context/Caller';
import type { Logger } from '../logging/logger';
import { callerFields, errorCodesOf, millisecondsSince } from '../logging/requestLine';
import type { SubgraphMetrics } from '../metrics/subgraphMetrics';

interface LoggedContext {
  requestId?: string;
  caller?: Caller;
  purpose?: string | null;
}

/**
 * One log line and one observation per request to the subgraph: request id, caller kind and
 * organisation, purpose, operation, subgraph, duration and error codes. It never logs
 * variables, results or subjects: personal data stays out of the log.
 */
export function requestLogPlugin<TContext extends LoggedContext>(
  subgraph: string,
  logger: Logger,
  metrics: SubgraphMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const start = performance.now();
      return {
        async willSendResponse({ request, response, operationName }) {
          const errors =
            response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const errorCodes = errorCodesOf(errors);
          const durationMs = millisecondsSince(start);
          const name = operationName ?? request.operationName ?? null;
          metrics.requestServed(name, durationMs / 1000, errorCodes);
          logger.info(
            {
              requestId: contextValue.requestId ?? null,
              ...callerFields(contextValue.caller),
              purpose: contextValue.purpose ?? null,
              operationName: name,
              subgraph,
              durationMs,
              status: errorCodes.length === 0 ? 'ok' : 'error',
              errorCodes,
            },
            'subgraph request',
          );
        },
      };
    },
  };
}
