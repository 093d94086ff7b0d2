import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { GatewayTokenKey } from '../identity/gatewayTokenKeys';
import { maskError } from '../errors/maskError';
import type { RequestIdentity } from '../identity/RequestIdentity';
import { tokenAdmissionOf, withTokenAdmission } from '../identity/TokenAdmission';
import { ErrorCode } from '../errors/ErrorCode';
import type { SharedReplayGuard } from '../identity/createSharedReplayGuard';
import { createGatewayTokenVerifier } from '../identity/verifyGatewayToken';
import type { Logger } from '../logging/logger';
import { dataUsePlugin } from '../policy/dataUsePlugin';
import type { ReadinessCheck } from './readiness';
import { serveBehindGateway } from './serveBehindGateway';
import { resolverSpansPlugin } from '../tracing/resolverSpansPlugin';
import { tracingActive } from '../tracing/tracingActive';

export interface SubgraphServerOptions<TContext extends object> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  logger: Logger;
  /** This subgraph's gateway-token keys: the only keys whose tokens it accepts. */
  gatewayTokenKeys: readonly GatewayTokenKey[];
  /** The gateway token ids every replica of this subgraph has accepted. */
  sharedReplays?: SharedReplayGuard;
  createContext(identity: RequestIdentity): Promise<TContext>;
  /**
   * Its queries write nothing but the access log. A query's token is then decided beside its
   * execution (in the access log's own statement when it writes records); otherwise, and for
   * every mutation, before anything runs, so that a replay changes nothing.
   */
  readOnlyQueries?: boolean;
  /** Plugins of the agency's server besides the defaults (the access log). */
  plugins?: ApolloServerPlugin<TContext>[];
  /** What `/readyz` checks. */
  readiness?: readonly ReadinessCheck[];
  /** The largest request body read (default 1 MiB). */
  maxBodyBytes?: number;
}

export interface RunningSubgraph {
  name: string;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql */
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves one agency's subgraph over HTTP to the gateway alone, with masked errors: every
 * GraphQL request must carry a gateway token minted for this subgraph and this exact body.
 */
export async function startSubgraphServer<TContext extends object>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningSubgraph> {
  const { logger } = options;
  const server = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    // Inline traces are only read by a commercial tracing service; they cost time per request.
    // Cache hints are not used (every answer is for one caller and purpose), and collecting
    // them wraps every field resolver.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      dataUsePlugin(),
      admitTokensFirst<TContext>(options.readOnlyQueries === true),
      ...(options.plugins ?? []),
      ...(tracingActive() ? [resolverSpansPlugin<TContext>()] : []),
    ],
    formatError: (formatted, error) =>
      maskError(formatted, error, (original) =>
        logger.error({ err: original }, 'unexpected error while resolving a request'),
      ),
  });
  const running = await serveBehindGateway(server, {
    name: options.name,
    host: options.host,
    port: options.port,
    logger,
    verifyGatewayToken: createGatewayTokenVerifier({
      keys: options.gatewayTokenKeys,
      audience: options.name,
      sharedReplays: options.sharedReplays,
    }),
    createContext: async ({ identity, admission }) =>
      withTokenAdmission(await options.createContext(identity), admission),
    readiness: options.readiness,
    maxBodyBytes: options.maxBodyBytes,
  });
  logger.info({ url: running.url }, `${options.name} subgraph ready`);
  return { name: options.name, ...running };
}

/**
 * Decides a request's token before its operation runs, unless it is a query of a subgraph whose
 * queries only read: a mutation replayed to another replica must not run there at all.
 */
function admitTokensFirst<TContext extends object>(
  readOnlyQueries: boolean,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (readOnlyQueries && operation?.operation === 'query') return;
          const admission = tokenAdmissionOf(contextValue);
          // The answer is refused as a whole by the server (serveBehindGateway); this only stops the run.
          if (!admission || !(await admission.admitted()))
            throw new GraphQLError('The gateway token has already been used', {
              extensions: { code: ErrorCode.UNAUTHENTICATED },
            });
        },
      };
    },
  };
}
