import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult } from 'graphql';

export interface SubgraphExtensionsOptions {
  /** Keys of the subgraphs' response `extensions` to pass on to the client, e.g. `dataUse`. */
  keys: readonly string[];
}

type Collected = Map<string, unknown[]>;

/**
 * Carries chosen `extensions` of subgraph responses into the gateway's response, which the
 * runtime otherwise drops. Values under one key are concatenated across every subgraph call
 * of the operation (arrays are flattened one level, other values appended as one item, equal
 * values kept once), so
 * each subgraph can report, for example, the data it disclosed.
 */
export function useSubgraphExtensions(options: SubgraphExtensionsOptions): GatewayPlugin {
  const byContext = new WeakMap<object, Collected>();

  function collect(context: object, extensions: Record<string, unknown> | undefined): void {
    if (!extensions) return;
    for (const key of options.keys) {
      if (!(key in extensions)) continue;
      let collected = byContext.get(context);
      if (!collected) byContext.set(context, (collected = new Map()));
      const values = collected.get(key) ?? [];
      values.push(...asItems(extensions[key]));
      collected.set(key, distinct(values));
    }
  }

  // Taking the values out means a streamed response reports each value once.
  function take(context: object): Collected | undefined {
    const collected = byContext.get(context);
    byContext.delete(context);
    return collected;
  }

  return {
    onSubgraphExecute({ executionRequest }) {
      const context: unknown = executionRequest.context;
      if (typeof context !== 'object' || context === null) return;
      return ({ result }) => {
        if (!isAsyncIterable(result)) return collect(context, result.extensions);
        return { onNext: ({ result: next }) => collect(context, next.extensions) };
      };
    },
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          const context = args.contextValue;
          if (!isAsyncIterable(result)) {
            const collected = take(context);
            if (collected) setResult(withExtensions(result, collected));
            return;
          }
          return {
            onNext({ result: next, setResult: setNext }) {
              const collected = take(context);
              if (collected) setNext(withExtensions(next as ExecutionResult, collected));
            },
          };
        },
      };
    },
  };
}

function withExtensions(result: ExecutionResult, collected: Collected): ExecutionResult {
  const extensions: Record<string, unknown> = { ...result.extensions };
  for (const [key, values] of collected) {
    extensions[key] = key in extensions ? [...asItems(extensions[key]), ...values] : values;
  }
  return { ...result, extensions };
}

/** One agency called twice in a request reports the same terms twice: keep each value once. */
function distinct(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function asItems(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function isAsyncIterable<T>(value: T | AsyncIterable<unknown>): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
