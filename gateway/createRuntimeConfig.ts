import type { GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';
import * as httpTransport from '@graphql-mesh/transport-http';
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../platform/logging/logger';
import { createErrorMasker } from './createErrorMasker';
import {
  type ClientTokenOptions,
  createClientTokenVerifier,
} from './identity/createClientTokenVerifier';
import { createRequestIds } from './identity/requestIds';
import type { RequestLimits } from './limits/requestLimits';
import { createGatewayPlugins, type GatewayPluginOptions } from './plugins';
import { renderExplorer } from './renderExplorer';
import type { SupergraphSource } from './supergraphSource';
import { toHiveLogger } from './toHiveLogger';

/** Subgraph endpoints that replace the URLs written in the supergraph, by subgraph name. */
export type SubgraphUrls = Readonly<Partial<Record<string, string>>>;

export interface RuntimeConfigOptions {
  source: SupergraphSource;
  subgraphUrls: SubgraphUrls;
  logger: Logger;
  extensionKeys: readonly string[];
  /** How client tokens are verified. */
  identity: ClientTokenOptions;
  /** The gateway's Ed25519 private key, signing every subgraph call. */
  signingKey: KeyObject;
  /** How much one request may ask of the gateway. */
  limits: RequestLimits;
  /** Rate limits per caller; without them requests are not rate limited. */
  rateLimit?: GatewayPluginOptions['rateLimit'];
}

/** The path of the GraphQL endpoint; a browser asking it for HTML gets the explorer. */
export const GRAPHQL_PATH = '/graphql';

/** How the gateway configures Hive Gateway's runtime; everything not set here is its default. */
export function createRuntimeConfig(options: RuntimeConfigOptions): GatewayConfigSupergraph {
  const { source, logger } = options;
  const requestIds = createRequestIds();
  const verifyClientToken = createClientTokenVerifier(options.identity);
  return {
    // A function, not a path: the runtime reads a path once and never again, while a
    // function is called again on every invalidateUnifiedGraph().
    supergraph: () => source.document(),
    // Imported here rather than loaded by the runtime on first use, so a missing package
    // stops the build instead of failing every subgraph call with a masked error.
    transports: { http: httpTransport },
    transportEntries: Object.fromEntries(
      Object.entries(options.subgraphUrls)
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([subgraph, location]) => [subgraph, { location }]),
    ),
    // Requests admitted on the previous supergraph finish on it instead of being aborted.
    gracefulSchemaReload: { drainTimeout: 30_000 },
    graphqlEndpoint: GRAPHQL_PATH,
    // Subgraphs receive no client headers: who asks and why reach them only in the signed
    // gateway token. Request ids are the gateway's own (identity/requestIds.ts), not the
    // runtime's, which would take the client's `x-request-id` as the id.
    requestId: false,
    maskedErrors: { maskError: createErrorMasker(logger) },
    graphiql: { title: 'govgraph explorer' },
    renderGraphiQL: renderExplorer,
    // The runtime's landing page pulls scripts from a CDN; unknown paths answer 404 instead.
    landingPage: false,
    logging: toHiveLogger(logger),
    plugins: () =>
      createGatewayPlugins({
        extensionKeys: options.extensionKeys,
        verifyClientToken,
        requestIds,
        signingKey: options.signingKey,
        logger,
        limits: options.limits,
        rateLimit: options.rateLimit,
      }),
  };
}
