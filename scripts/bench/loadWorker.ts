import autocannon from 'autocannon';

/** What the bench asks the load generator to send. */
export interface LoadOrder {
  url: string;
  connections: number;
  seconds: number;
  /** Sent in turn, one per request; each with its own headers. */
  requests: { body: string; headers: Record<string, string> }[];
}

/** What the load generator measured. */
export interface LoadReport {
  requests: number;
  /** Responses that were not 200 or carried GraphQL errors. */
  errors: number;
  firstError: string | null;
  seconds: number;
  /** Every response's latency, ms, sorted. */
  latencies: number[];
}

/**
 * The load generator, in a process of its own so the bench's process is never the bottleneck:
 * receives a LoadOrder over IPC, drives autocannon's programmatic API with it, and answers
 * with a LoadReport. Each request takes the next body of the order, so subjects vary.
 */
process.once('message', (order: LoadOrder) => {
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const latencies: number[] = [];
  const started = performance.now();
  const instance = autocannon(
    {
      url: order.url,
      method: 'POST',
      connections: order.connections,
      duration: order.seconds,
      requests: [
        {
          setupRequest: (request) => {
            const { body, headers } = order.requests[next++ % order.requests.length]!;
            return {
              ...request,
              body,
              headers: { ...headers, 'content-type': 'application/json' },
            };
          },
          onResponse: (status, body) => {
            if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[')) {
              errors += 1;
              firstError ??= `${status} ${body.slice(0, 300)}`;
            }
          },
        },
      ],
    },
    () => {
      const report: LoadReport = {
        requests: latencies.length,
        errors,
        firstError,
        seconds: (performance.now() - started) / 1000,
        latencies: latencies.sort((a, b) => a - b),
      };
      process.send!(report, () => process.exit(0));
    },
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
});
