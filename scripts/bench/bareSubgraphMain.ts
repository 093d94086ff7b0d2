import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { randomUUID } from 'node:crypto';
import { AGENCY_NAMES, type AgencyName } from '../../platform/agencies';
import { runMain } from '../../platform/config/runMain';
import { PUBLIC_CALLER } from '../../platform/context/Caller';
import type { RequestContext } from '../../platform/context/RequestContext';
import { createDb } from '../../platform/db/createDb';
import { setCursorKey } from '../../platform/pagination/cursor';
import type { RequestPolicy } from '../../platform/policy/RequestPolicy';
import { SUBGRAPH_FACTORIES } from '../../subgraphs/registry';
import { BARE_SCHEMAS } from './bareSchemas';

/**
 * `node bareSubgraphMain.js <agency>`: the agency's resolvers, loaders and repositories on a
 * plain Apollo server, without field policy, access log or gateway token: the subgraphs every
 * gateway but govgraph's full stack is measured over. Benchmark only; never deployed.
 * Reads BENCH_DATABASE_URL, BENCH_PORT, BENCH_POOL_SIZE and BENCH_CURSOR_KEY (base64url).
 */
runMain(async () => {
  const agency = process.argv[2] as AgencyName;
  if (!AGENCY_NAMES.includes(agency)) throw new Error(`unknown agency ${process.argv[2]}`);
  const db = createDb({
    url: process.env.BENCH_DATABASE_URL!,
    poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10),
    applicationName: `bench-bare-${agency}`,
  });
  if (process.env.BENCH_CURSOR_KEY)
    setCursorKey(Buffer.from(process.env.BENCH_CURSOR_KEY, 'base64url'));
  // The shipped factory for its repositories and loaders; its governed schema is not served.
  const subgraph = await SUBGRAPH_FACTORIES[agency](db);
  const server = new ApolloServer<RequestContext>({
    schema: await BARE_SCHEMAS[agency](),
    // The shipped subgraphs' server settings, governance aside (platform/server).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: Number(process.env.BENCH_PORT) },
    context: async () => ({
      requestId: randomUUID(),
      caller: PUBLIC_CALLER,
      purpose: null,
      caseId: null,
      loaders: subgraph.createLoaders(),
      repositories: subgraph.repositories,
      // No resolver reads it: policy is applied by the schema transform left out here.
      policy: undefined as unknown as RequestPolicy,
      statisticsSecret: null,
    }),
  });
  const stop = async () => {
    await server.stop();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
});
