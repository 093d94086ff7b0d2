import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { ErrorMasker } from './createErrorMasker';
import type { RequestIds } from './identity/requestIds';

/**
 * Logs each masked fault with the gateway's id of its request and, with `stamp`, gives every
 * error of every response that id in `extensions.requestId`, whatever raised it (a refused
 * token, a limit, validation, a subgraph, a masked fault): the id a client quotes is the one
 * the gateway's log lines and the access records carry.
 *
 * Errors are copied, never changed: the runtime caches parse and validation errors and
 * hands the same objects to every request with the same document.
 */
export function useRequestIdInErrors(options: {
  requestIds: RequestIds;
  masker: ErrorMasker;
  stamp: boolean;
}): GatewayPlugin {
  return {
    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result)) {
        const requestId = options.requestIds.of(request);
        setResult(result.map((single) => stamped(single as ExecutionResult, requestId)));
      } else if (isSingleResult(result) && result.errors?.length) {
        setResult(stamped(result, options.requestIds.of(request)));
      }
    },
  };

  function stamped(result: ExecutionResult, requestId: string): ExecutionResult {
    if (!result.errors?.length) return result;
    if (!options.stamp) {
      for (const error of result.errors) options.masker.reportMasked(error, requestId);
      return result;
    }
    return {
      ...result,
      errors: result.errors.map((error) => {
        options.masker.reportMasked(error, requestId);
        return withRequestId(error, requestId);
      }),
    };
  }
}

function withRequestId(error: GraphQLError, requestId: string): GraphQLError {
  // `http` and `unexpected` stay in the extensions: the runtime reads them for the status
  // and drops them from what the client receives.
  const extensions = { ...error.extensions, requestId };
  if (!(error instanceof GraphQLError))
    return { ...(error as object), extensions } as unknown as GraphQLError;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
}

function isSingleResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}
