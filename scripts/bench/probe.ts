import { subscribe } from 'node:diagnostics_channel';
import { createRequire } from 'node:module';

/**
 * Preloaded (`node -r`) into every process the benchmark starts, shipped services included,
 * so that no switch in them is needed: counts the GraphQL requests the process serves (from
 * Node's HTTP server diagnostics) and the SQL statements it sends (each call of knex's client
 * `query`, transaction BEGIN and COMMIT included), and answers `bench:counts` over IPC.
 */
export interface ProbeCounts {
  type: 'bench:counts';
  requests: number;
  statements: number;
}

let requests = 0;
let statements = 0;

subscribe('http.server.request.start', (message) => {
  const { request } = message as { request: { method?: string } };
  if (request.method === 'POST') requests += 1;
});

try {
  // The copy of knex the service itself loads, resolved from where it runs.
  const knexClient = createRequire(`${process.cwd()}/`)('knex/lib/client') as {
    prototype: { query: (...args: unknown[]) => unknown };
  };
  const query = knexClient.prototype.query;
  knexClient.prototype.query = function countedQuery(this: unknown, ...args: unknown[]) {
    statements += 1;
    return query.apply(this, args);
  };
} catch {
  // A process without knex (a gateway) sends no SQL.
}

process.on('message', (message) => {
  if (message === 'bench:counts') {
    const counts: ProbeCounts = { type: 'bench:counts', requests, statements };
    process.send?.(counts);
  }
});
// The channel must not keep a service alive once it is asked to stop.
process.channel?.unref();
