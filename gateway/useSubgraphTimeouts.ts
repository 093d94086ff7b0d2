import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type Executor, isPromise } from '@graphql-tools/utils';
import { GraphQLError } from 'graphql';

/** The code the runtime gives a subgraph call that took too long; subgraphFault.ts maps it. */
const TIMEOUT_CODE = 'GATEWAY_TIMEOUT';

/** A subgraph call in progress: what aborts its HTTP request. */
interface Call {
  controller: AbortController;
}

/**
 * Gives up on a subgraph call after its subgraph's timeout: the call's HTTP request is
 * aborted and the call fails with the runtime's GATEWAY_TIMEOUT error (told to the client as
 * SUBGRAPH_TIMEOUT, naming the agency), so a slow agency costs its own fields only.
 *
 * The runtime's own `upstreamTimeout` does the same with a 30 s `AbortSignal.timeout()` per
 * call, set as the call's signal. The HTTP executor then merges that signal with its own
 * long-lived one through listeners that are removed only when the garbage collector
 * finalises them: under load they pile up on that one signal, and adding one scans them all,
 * measured here as the largest cost govgraph's gateway added to a request. This plugin sets no
 * signal on the call: it hands its own signal to the call's fetch (joined to the fetch's own
 * by Node's `AbortSignal.any()`, which adds no listener), and clears its one timer the moment
 * the call settles.
 */
export function useSubgraphTimeouts(timeoutMs: (subgraph: string) => number): GatewayPlugin {
  const calls = new WeakMap<object, Call>();
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      const ms = timeoutMs(subgraphName);
      const timed = ((executionRequest: Parameters<Executor>[0]) => {
        const call: Call = { controller: new AbortController() };
        calls.set(executionRequest, call);
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new GraphQLError(`Timeout of ${ms} ms calling ${subgraphName}`, {
              extensions: { code: TIMEOUT_CODE, serviceName: subgraphName, http: { status: 504 } },
            });
            call.controller.abort(error);
            reject(error);
          }, ms);
        });
        const settle = () => {
          clearTimeout(timer);
          calls.delete(executionRequest);
        };
        let result: ReturnType<Executor>;
        try {
          result = executor(executionRequest);
        } catch (error) {
          settle();
          throw error;
        }
        if (!isPromise(result)) {
          settle();
          return result;
        }
        return Promise.race([result, timedOut]).finally(settle);
      }) as Executor;
      setExecutor(timed);
    },
    onFetch({ executionRequest, options, setOptions }) {
      const call = executionRequest && calls.get(executionRequest);
      if (!call) return;
      // The fetch's own signal (the executor's, aborted when it is disposed) still aborts it:
      // Node's AbortSignal.any() follows it without adding a listener to it.
      const upstream = options.signal;
      const signal = upstream
        ? AbortSignal.any([upstream, call.controller.signal])
        : call.controller.signal;
      setOptions({ ...options, signal });
    },
  };
}
