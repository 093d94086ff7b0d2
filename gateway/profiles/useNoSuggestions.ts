import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';

// Every suggestion graphql-js makes: `Did you mean "name"?`, `Did you mean "a", "b", or "c"?`,
// `Did you mean the enum value "ACTIVE"?`.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Removes graphql-js's "Did you mean ...?" from validation errors and from the errors of
 * variables that do not fit their types, so that mistyped guesses do not spell out the
 * schema. graphql-armor's block-field-suggestions plugin misses the enum-value wording and
 * the variables' errors (raised at execution), and rewrites cached errors in place.
 */
export function useNoSuggestions(): GatewayPlugin {
  return {
    onValidate() {
      return ({ valid, result, setResult }) => {
        if (!valid && result.some(suggests)) setResult(result.map(withoutSuggestion));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!isSingleResult(result) || !result.errors?.some(suggests)) return;
          setResult({ ...result, errors: result.errors.map(withoutSuggestion) });
        },
      };
    },
  };
}

const suggests = (error: Error) => error.message.search(SUGGESTION) !== -1;

function withoutSuggestion<E extends Error>(error: E): E | GraphQLError {
  if (!suggests(error)) return error;
  if (!(error instanceof GraphQLError))
    return new GraphQLError(error.message.replace(SUGGESTION, ''));
  // A copy: the runtime caches validation errors by document.
  return new GraphQLError(error.message.replace(SUGGESTION, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

function isSingleResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}
