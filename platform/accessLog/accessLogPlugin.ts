import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';
import type { Logger } from '../logging/logger';
import type { RequestPolicy } from '../policy/RequestPolicy';
import type { AccessLogWriter } from './accessLogWriter';

interface AccessLoggedContext {
  requestId: string;
  caseId: string | null;
  policy: RequestPolicy;
}

/**
 * Records every release of personal data before the response leaves the subgraph, in one
 * insert per request. Fails closed: if the record cannot be written, every personal value is
 * withheld from the response (null, with an ACCESS_LOG_UNAVAILABLE error at its path), so no
 * personal data is ever returned without its record.
 */
export function accessLogPlugin<TContext extends AccessLoggedContext>(
  write: AccessLogWriter,
  logger: Logger,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const { policy } = contextValue;
          const recorder = policy.accessRecorder;
          if (recorder.isEmpty || response.body.kind !== 'single') return;
          try {
            await write(
              {
                requestId: contextValue.requestId,
                caller: policy.caller,
                purpose: policy.purpose,
                caseId: contextValue.caseId,
              },
              recorder.entries(),
            );
          } catch (error) {
            logger.error(
              { err: error, requestId: contextValue.requestId },
              'access log unavailable: personal data withheld',
            );
            const result = response.body.singleResult;
            const withheld: GraphQLFormattedError[] = [];
            for (const path of recorder.releasedPaths()) {
              if (setNull(result.data, path)) {
                withheld.push({
                  message:
                    'Withheld: this access to personal data could not be recorded in the access log; try again later',
                  path: [...path],
                  extensions: { code: ErrorCode.ACCESS_LOG_UNAVAILABLE },
                });
              }
            }
            result.errors = [...(result.errors ?? []), ...withheld];
          }
        },
      };
    },
  };
}

/** Sets the value at `path` to null; false when the path is not in the data (already withheld). */
function setNull(data: unknown, path: readonly (string | number)[]): boolean {
  let node = data as Record<string | number, unknown> | null | undefined;
  for (const key of path.slice(0, -1)) {
    node = node?.[key] as Record<string | number, unknown> | null | undefined;
    if (node === null || node === undefined || typeof node !== 'object') return false;
  }
  const last = path[path.length - 1]!;
  if (!node || !(last in node) || node[last] === null) return false;
  node[last] = null;
  return true;
}
