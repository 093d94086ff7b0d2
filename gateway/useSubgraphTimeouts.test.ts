import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import { GraphQLError, parse } from 'graphql';
import { useSubgraphTimeouts } from './useSubgraphTimeouts';

type Plugin = ReturnType<typeof useSubgraphTimeouts>;
type SubgraphExecuteHook = (payload: {
  subgraphName: string;
  executor: Executor;
  setExecutor: (executor: Executor) => void;
}) => void;
type FetchHook = (payload: {
  executionRequest: ExecutionRequest;
  options: RequestInit;
  setOptions: (options: RequestInit) => void;
}) => void;

/** An upstream signal (the executor's or the client's) that counts its listeners. */
function countedSignal() {
  const controller = new AbortController();
  let listeners = 0;
  const { signal } = controller;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((...args: Parameters<typeof add>) => {
    listeners += 1;
    add(...args);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
    listeners -= 1;
    remove(...args);
  }) as typeof signal.removeEventListener;
  return { controller, signal, listeners: () => listeners };
}

/**
 * A subgraph call through the plugin as the runtime makes it: the plugin wraps the executor,
 * the executor fetches (through the plugin's fetch hook, with `upstream` as the fetch's own
 * signal), and `respond` answers the fetch given the signal the fetch ends up with.
 */
function call(
  plugin: Plugin,
  respond: (signal: AbortSignal | undefined) => Promise<unknown>,
  upstream?: AbortSignal,
) {
  let fetchSignal: AbortSignal | undefined;
  const executor = ((executionRequest: ExecutionRequest) => {
    let options: RequestInit = upstream ? { signal: upstream } : {};
    (plugin.onFetch as unknown as FetchHook)({
      executionRequest,
      options,
      setOptions: (next) => (options = next),
    });
    fetchSignal = options.signal ?? undefined;
    return respond(fetchSignal);
  }) as Executor;
  let timed: Executor | undefined;
  (plugin.onSubgraphExecute as unknown as SubgraphExecuteHook)({
    subgraphName: 'tax',
    executor,
    setExecutor: (next) => (timed = next),
  });
  if (!timed) throw new Error('the plugin did not wrap the executor');
  const request: ExecutionRequest = { document: parse('{ __typename }') };
  return { outcome: timed(request) as Promise<unknown>, fetchSignal: () => fetchSignal };
}

const never = () => new Promise<never>(() => {});
const untilAborted = (signal: AbortSignal | undefined) =>
  new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));

describe('useSubgraphTimeouts', () => {
  it('passes an answer in time through', async () => {
    const upstream = countedSignal();
    const plugin = useSubgraphTimeouts(() => 1_000);
    const { outcome } = call(
      plugin,
      () => Promise.resolve({ data: { ok: true } }),
      upstream.signal,
    );
    await expect(outcome).resolves.toEqual({ data: { ok: true } });
    expect(upstream.listeners()).toBe(0);
  });

  it('fails a call over its subgraph timeout with GATEWAY_TIMEOUT naming the subgraph, and aborts its fetch', async () => {
    const plugin = useSubgraphTimeouts((subgraph) => (subgraph === 'tax' ? 20 : 60_000));
    const { outcome, fetchSignal } = call(plugin, never);
    await expect(outcome).rejects.toBeInstanceOf(GraphQLError);
    await expect(outcome).rejects.toMatchObject({
      extensions: { code: 'GATEWAY_TIMEOUT', serviceName: 'tax' },
    });
    expect(fetchSignal()?.aborted).toBe(true);
  });

  it("aborts the fetch when the fetch's own signal is aborted", async () => {
    const upstream = countedSignal();
    const plugin = useSubgraphTimeouts(() => 60_000);
    const { outcome, fetchSignal } = call(plugin, untilAborted, upstream.signal);
    upstream.controller.abort(new Error('client went away'));
    await expect(outcome).rejects.toThrow('client went away');
    expect(fetchSignal()?.aborted).toBe(true);
    expect(upstream.listeners()).toBe(0);
  });

  it("adds no listener to the fetch's own signal, however many calls come and go", async () => {
    const upstream = countedSignal();
    const plugin = useSubgraphTimeouts(() => 60_000);
    for (let i = 0; i < 100; i += 1)
      await call(plugin, () => Promise.resolve({ data: {} }), upstream.signal).outcome;
    const pending = call(plugin, untilAborted, upstream.signal);
    expect(upstream.listeners()).toBe(0);
    upstream.controller.abort(new Error('stop'));
    await expect(pending.outcome).rejects.toThrow('stop');
  });

  it('settles a call whose executor throws at once', () => {
    const upstream = countedSignal();
    const plugin = useSubgraphTimeouts(() => 1_000);
    expect(() =>
      call(
        plugin,
        () => {
          throw new Error('no transport');
        },
        upstream.signal,
      ),
    ).toThrow('no transport');
    expect(upstream.listeners()).toBe(0);
  });
});
