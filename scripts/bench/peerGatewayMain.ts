import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import * as httpTransport from '@graphql-mesh/transport-http';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { runMain } from '../../platform/config/runMain';

/** The gateways a user could pick instead of govgraph's, each as its documentation sets it up. */
export const PEER_GATEWAYS = ['hive', 'hive-dedup', 'hive-rust', 'apollo'] as const;
export type PeerGateway = (typeof PEER_GATEWAYS)[number];

/**
 * `node peerGatewayMain.js <gateway>`: a stock gateway, no govgraph plugin, over the
 * supergraph at BENCH_SUPERGRAPH (its subgraph URLs those of the bare subgraphs), on
 * 127.0.0.1:BENCH_PORT at /graphql. Benchmark only.
 */
runMain(async () => {
  const kind = process.argv[2] as PeerGateway;
  if (!PEER_GATEWAYS.includes(kind)) throw new Error(`unknown gateway ${process.argv[2]}`);
  const supergraph = readFileSync(process.env.BENCH_SUPERGRAPH!, 'utf8');
  const port = Number(process.env.BENCH_PORT);
  if (kind === 'apollo') {
    const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: supergraph }) });
    await startStandaloneServer(server, { listen: { host: '127.0.0.1', port } });
    process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
    return;
  }
  const names = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]!);
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    transports: { http: httpTransport },
    // In-flight deduplication of identical subgraph calls is the runtime's default; the
    // distinct series measures without it, as real callers and subjects rarely repeat.
    transportEntries: Object.fromEntries(
      names.map((name) => [
        name,
        { options: { deduplicateInflightRequests: kind === 'hive-dedup' } },
      ]),
    ),
    ...(kind === 'hive-rust' ? { unifiedGraphHandler } : {}),
  });
  const server = createServer(runtime);
  server.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close();
    void Promise.resolve(runtime.dispose()).then(() => process.exit(0));
  });
});
