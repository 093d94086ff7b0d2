import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { randomUUID } from 'node:crypto';
import type { AgencyName } from '../../platform/agencies';
import { PUBLIC_CALLER } from '../../platform/context/Caller';
import type { RequestContext } from '../../platform/context/RequestContext';
import type { Db } from '../../platform/db/createDb';
import type { RequestPolicy } from '../../platform/policy/RequestPolicy';
import { SUBGRAPH_FACTORIES } from '../../subgraphs/registry';
import { BARE_SCHEMAS } from './bareSchemas';

/** A bare subgraph listening, and how to stop it. */
export interface BareSubgraph {
  url: string;
  stop(): Promise<void>;
}

/**
 * The agency's resolvers, loaders and repositories on a plain Apollo server, without field
 * policy, access log or gateway token: what a stock gateway is measured and tested over.
 * Never deployed.
 */
export async function startBareSubgraph(
  agency: AgencyName,
  db: Db,
  listen: { host: string; port: number },
): Promise<BareSubgraph> {
  // The shipped factory for its repositories and loaders; its governed schema is not served.
  const subgraph = await SUBGRAPH_FACTORIES[agency](db);
  const server = new ApolloServer<RequestContext>({
    schema: await BARE_SCHEMAS[agency](),
    // The shipped subgraphs' server settings, governance aside (platform/server).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen,
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
  return { url, stop: () => server.stop() };
}
