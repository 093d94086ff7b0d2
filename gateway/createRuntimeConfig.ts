import type { GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';
import type { GatewayTokenSecret } from '../platform/identity/gatewayTokenKeys';
import * as httpTransport from '@graphql-mesh/transport-http';
import type { RequestIdentity } from '../platform/identity/RequestIdentity';
import type { Logger } from '../platform/logging/logger';
import { createErrorMasker } from './createErrorMasker';
import { createCorsPolicy } from './csrf/createCorsPolicy';
import {
  type ClientTokenOptions,
  createClientTokenVerifier,
} from './identity/createClientTokenVerifier';
import { createRequestIds } from './identity/requestIds';
import { DEFAULT_TOKEN_LIFETIMES } from './identity/tokenLifetime';
import type { RequestLimits } from './limits/requestLimits';
import type { GatewayMetrics } from './observability/gatewayMetrics';
import { createGatewayPlugins, type GatewayPluginOptions } from './plugins';
import type { ProfileSettings } from './profiles/profileSettings';
import { explorerContentSecurityPolicy, renderExplorer } from './renderExplorer';
import { type SubgraphTimeouts, subgraphTimeoutMs } from './subgraphTimeouts';
import type { SupergraphSource } from './supergraphSource';
import { toHiveLogger } from './toHiveLogger';
import { type ExplorerOpenIdClient, workbenchFor } from './workbench/workbenchFor';
import { trustedDocumentRules } from './trustedDocuments/trustedDocumentRules';
import type { TrustedDocumentSource } from './trustedDocuments/trustedDocumentSource';

/** Subgraph endpoints that replace the URLs written in the supergraph, by subgraph name. */
export type SubgraphUrls = Readonly<Partial<Record<string, string>>>;

export interface RuntimeConfigOptions {
  source: SupergraphSource;
  subgraphUrls: SubgraphUrls;
  logger: Logger;
  extensionKeys: readonly string[];
  /** How client tokens are verified. */
  identity: ClientTokenOptions;
  /** The secret every subgraph's token key is derived from: it signs every subgraph call. */
  tokenSecret: GatewayTokenSecret;
  /** How much one request may ask of the gateway. */
  limits: RequestLimits;
  /** How long each subgraph call may take before the gateway answers without it. */
  subgraphTimeouts: SubgraphTimeouts;
  /** What the gateway shows of itself: explorer, introspection, suggestions, CORS origins. */
  profile: ProfileSettings;
  /** Registered documents by client, and the clients that may run only theirs. */
  trustedDocuments?: { source: TrustedDocumentSource; heldClients: readonly string[] };
  /** Rate limits per caller; without them requests are not rate limited. */
  rateLimit?: GatewayPluginOptions['rateLimit'];
  /** The explorer's sign-in at the identity provider, outside the demo; none by default. */
  explorerOpenId?: ExplorerOpenIdClient;
  /** The gateway's metrics registry and its own metrics. */
  metrics: GatewayMetrics;
}

/** The path of the GraphQL endpoint; a browser asking it for HTML gets the explorer. */
export const GRAPHQL_PATH = '/graphql';

/** How the gateway configures Hive Gateway's runtime; everything not set here is its default. */
export function createRuntimeConfig(options: RuntimeConfigOptions): GatewayConfigSupergraph {
  const { source, logger, profile } = options;
  const requestIds = createRequestIds();
  const masker = createErrorMasker(logger, (subgraph) =>
    subgraphTimeoutMs(options.subgraphTimeouts, subgraph),
  );
  const verifyClientToken = createClientTokenVerifier(options.identity);
  const identities = new WeakMap<Request, RequestIdentity>();
  const workbench = workbenchFor(
    profile,
    GRAPHQL_PATH,
    options.identity.issuer,
    options.explorerOpenId,
  );
  // The workbench's sign-in talks to the identity provider from the page.
  const explorerPolicy = explorerContentSecurityPolicy(
    workbench.signIn.kind === 'openid-connect' ? [new URL(workbench.signIn.issuer).origin] : [],
  );
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
    // A slow agency costs its own fields (SUBGRAPH_TIMEOUT), not the whole response: see
    // useSubgraphTimeouts.ts, in place of the runtime's costlier `upstreamTimeout`.
    // Requests admitted on the previous supergraph finish on it instead of being aborted.
    gracefulSchemaReload: { drainTimeout: 30_000 },
    graphqlEndpoint: GRAPHQL_PATH,
    // One operation per request: a batched array (`[{query}, {query}, …]`) would multiply
    // every per-request limit by its length. Off is the runtime's default; said here so that
    // a change of default cannot turn it on. Refused with 400 and BAD_REQUEST.
    batching: false,
    // Subgraphs receive no client headers: who asks and why reach them only in the signed
    // gateway token. Request ids are the gateway's own (identity/requestIds.ts), not the
    // runtime's, which would take the client's `x-request-id` as the id.
    requestId: false,
    maskedErrors: { maskError: masker },
    // Only the listed origins, decided per request (csrf/createCorsPolicy.ts). Yoga's CSRF
    // header check (`csrfPrevention`) is left off: it would only make every GET client send a
    // made-up header, while GET here serves the public caller alone and a POST that no page
    // could send without a preflight (anything but application/json) is refused outright.
    cors: createCorsPolicy(profile.corsOrigins),
    graphiql: profile.explorer ? { title: 'govgraph explorer' } : false,
    ...(profile.explorer
      ? {
          renderGraphiQL: (explorer) => renderExplorer(explorer, workbench),
        }
      : {}),
    // The runtime's landing page pulls scripts from a CDN; unknown paths answer 404 instead.
    landingPage: false,
    logging: toHiveLogger(logger),
    ...(options.trustedDocuments
      ? { persistedDocuments: trustedDocumentRules({ ...options.trustedDocuments, identities }) }
      : {}),
    plugins: (context) =>
      createGatewayPlugins({
        metrics: options.metrics,
        runtimeLog: context.log,
        extensionKeys: options.extensionKeys,
        verifyClientToken,
        requestIds,
        identities,
        tokenSecret: options.tokenSecret,
        logger,
        limits: options.limits,
        profile,
        masker,
        rateLimit: options.rateLimit,
        subgraphTimeoutMs: (subgraph) => subgraphTimeoutMs(options.subgraphTimeouts, subgraph),
        tokenLifetimes: options.identity.maxLifetimes ?? DEFAULT_TOKEN_LIFETIMES,
        ...(profile.explorer ? { explorerPolicy } : {}),
      }),
  };
}
