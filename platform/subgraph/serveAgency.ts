import type { Logger } from '../logging/logger';
import { type RunningSubgraph, startSubgraphServer } from '../server/startSubgraphServer';
import { createRequestContext } from './createRequestContext';
import type { AgencySubgraph } from './SubgraphDefinition';

/** Serves an agency subgraph over HTTP, with a fresh request context (and loaders) per request. */
export function serveAgency(
  subgraph: AgencySubgraph,
  options: { host: string; port: number; logger: Logger },
): Promise<RunningSubgraph> {
  return startSubgraphServer({
    name: subgraph.name,
    schema: subgraph.schema,
    host: options.host,
    port: options.port,
    logger: options.logger,
    createContext: async (request) => createRequestContext(subgraph, request),
  });
}
