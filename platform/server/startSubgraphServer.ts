import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GraphQLSchema } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { maskError } from '../errors/maskError';
import type { Logger } from '../logging/logger';

export interface SubgraphServerOptions<TContext extends object> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  logger: Logger;
  createContext(request: IncomingMessage): Promise<TContext>;
}

export interface RunningSubgraph {
  name: string;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql */
  url: string;
  stop(): Promise<void>;
}

/** Serves one agency's subgraph over HTTP with masked errors and no introspection leaks of internals. */
export async function startSubgraphServer<TContext extends object>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningSubgraph> {
  const { logger } = options;
  const server = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    // Inline traces are only read by a commercial tracing service; they cost time per request.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: (formatted, error) =>
      maskError(formatted, error, (original) =>
        logger.error({ err: original }, 'unexpected error while resolving a request'),
      ),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: options.host, port: options.port },
    context: ({ req }) => options.createContext(req),
  });
  const endpoint = new URL('graphql', url).toString();
  logger.info({ url: endpoint }, `${options.name} subgraph ready`);
  return { name: options.name, url: endpoint, stop: () => server.stop() };
}
