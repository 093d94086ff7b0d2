import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { ErrorCode } from '../platform/errors/ErrorCode';

// graphql-js reports variables it cannot coerce with this wording and no code.
const VARIABLE_ERROR = /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/;

/**
 * Gives variables that do not fit their declared types the `BAD_USER_INPUT` code, so clients
 * can tell a wrong argument from a server fault by code, not by message.
 */
export function useVariableErrorCodes(): GatewayPlugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!isSingleResult(result) || !result.errors || result.data !== undefined) return;
          if (!result.errors.some((e) => VARIABLE_ERROR.test(e.message) && !e.extensions?.code))
            return;
          setResult({
            ...result,
            errors: result.errors.map((error) =>
              VARIABLE_ERROR.test(error.message) && !error.extensions?.code
                ? new GraphQLError(error.message, {
                    nodes: error.nodes,
                    extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT },
                  })
                : error,
            ),
          });
        },
      };
    },
  };
}

function isSingleResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}
