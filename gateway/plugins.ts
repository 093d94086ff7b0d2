import type { GatewayPlugin, Logger as HiveLogger } from '@graphql-hive/gateway-runtime';
import type { GatewayTokenSecret } from '../platform/identity/gatewayTokenKeys';
import type { Logger } from '../platform/logging/logger';
import type { ErrorMasker } from './createErrorMasker';
import { useBrowserRules } from './csrf/useBrowserRules';
import { useExplorerAssets } from './explorerAssets';
import type { ClientTokenVerifier } from './identity/createClientTokenVerifier';
import { type RequestIds, useRequestIdHeaders } from './identity/requestIds';
import type { TokenLifetimes } from './identity/tokenLifetime';
import { type RequestIdentities, useClientIdentity } from './identity/useClientIdentity';
import { useGatewayToken } from './identity/useGatewayToken';
import { useKnownOperationTypes } from './useKnownOperationTypes';
import type { GatewayMetrics } from './observability/gatewayMetrics';
import { useGatewayPrometheus } from './observability/useGatewayPrometheus';
import { useRequestLog } from './observability/useRequestLog';
import type { RequestLimits } from './limits/requestLimits';
import { useCostLimit } from './limits/useCostLimit';
import { useDocumentLimits } from './limits/useDocumentLimits';
import { useFieldLimits } from './limits/useFieldLimits';
import { useRequestSizeLimits } from './limits/useRequestSizeLimits';
import type { ProfileSettings } from './profiles/profileSettings';
import { useIntrospectionAccess } from './profiles/useIntrospectionAccess';
import { useNoSuggestions } from './profiles/useNoSuggestions';
import { useRequestIdInErrors } from './useRequestIdInErrors';
import type { ClientAddressOf } from './rateLimit/clientAddress';
import type { RateLimiter } from './rateLimit/createRateLimiter';
import { countRefusedCredentials, useRateLimit } from './rateLimit/useRateLimit';
import { useDemoTokenRoute } from './workbench/useDemoTokenRoute';
import { useExplorerPolicy } from './workbench/useExplorerPolicy';
import { useSubgraphExtensions } from './useSubgraphExtensions';
import { useSubgraphTimeouts } from './useSubgraphTimeouts';
import { tracingActive } from '../platform/tracing/tracingActive';
import { useTracing } from './tracing/useTracing';
import { useVariableErrorCodes } from './useVariableErrorCodes';

/** Response extensions that subgraphs report and the client receives. */
export const DEFAULT_EXTENSION_KEYS = ['dataUse', 'disclosureControl'] as const;

export interface GatewayPluginOptions {
  extensionKeys: readonly string[];
  verifyClientToken: ClientTokenVerifier;
  requestIds: RequestIds;
  /** Each request's verified identity, as `useClientIdentity` establishes it. */
  identities: RequestIdentities;
  /** The secret every subgraph's token key is derived from: it signs every subgraph call. */
  tokenSecret: GatewayTokenSecret;
  logger: Logger;
  /** How much one request may ask; each limit refuses before anything is planned. */
  limits: RequestLimits;
  /** What the gateway shows of itself: explorer, introspection, suggestions, CORS origins. */
  profile: ProfileSettings;
  /** The runtime's error masker, whose masked faults are logged with their request's id. */
  masker: ErrorMasker;
  /** Rate limits per caller; without them requests are not rate limited. */
  rateLimit?: { limiter: RateLimiter; clientAddress: ClientAddressOf };
  /** How long a call to each subgraph may take before the gateway answers without it. */
  subgraphTimeoutMs: (subgraph: string) => number;
  /** The longest a client token may live, by holder: demo tokens are minted within it. */
  tokenLifetimes: TokenLifetimes;
  /** The explorer page's Content-Security-Policy, when the explorer is on. */
  explorerPolicy?: string;
  /** Where requests, operations and subgraph calls are counted and timed. */
  metrics: GatewayMetrics;
  /** The runtime's logger, which its Prometheus plugin reports to. */
  runtimeLog: HiveLogger;
}

/**
 * Every plugin the gateway runs, in order: the request's log line and metrics (first, so that
 * requests answered by any later plugin are logged and counted too), the explorer's assets and, in the demo, its token
 * route (each answers its own path and nothing else), then what browsers may send (a GET with
 * credentials, a POST that is not JSON), then identity (a refused token or header stops
 * the request before anything else runs), then the caller's rate limit (before the body is
 * read), then the limits on hostile input (body and
 * variables before parsing, tokens while parsing, depth, aliases, directives, root fields
 * and expanded fields while validating, cost at the start of execution, all before
 * planning; what the profile hides: suggestions, and introspection to callers other than
 * organisations), then each subgraph call's timeout, then signing what the subgraphs receive, then the plugins that shape
 * responses, the request id on errors last.
 */
export function createGatewayPlugins(options: GatewayPluginOptions): GatewayPlugin[] {
  const { profile } = options;
  return [
    // Outermost, so its spans cover every other plugin's work.
    ...(tracingActive() ? [useTracing()] : []),
    useRequestLog({
      logger: options.logger,
      requestIds: options.requestIds,
      identities: options.identities,
      metrics: options.metrics,
    }),
    useGatewayPrometheus(options.metrics, options.runtimeLog),
    ...(profile.explorer ? [useExplorerAssets()] : []),
    ...(options.explorerPolicy ? [useExplorerPolicy(options.explorerPolicy)] : []),
    // The demo identity provider's minting route: in the demo profile only, never in production.
    ...(profile.explorer && profile.profile === 'demo'
      ? [
          useDemoTokenRoute({
            corsOrigins: profile.corsOrigins,
            maxLifetimes: options.tokenLifetimes,
          }),
        ]
      : []),
    useRequestIdHeaders(options.requestIds),
    useBrowserRules({ corsOrigins: profile.corsOrigins, getQueries: profile.getQueries }),
    useClientIdentity({
      verifyToken: options.verifyClientToken,
      requestIds: options.requestIds,
      identities: options.identities,
      ...(options.rateLimit ? { beforeRefusal: countRefusedCredentials(options.rateLimit) } : {}),
    }),
    ...(options.rateLimit
      ? [useRateLimit({ ...options.rateLimit, identities: options.identities })]
      : []),
    useRequestSizeLimits(options.limits),
    ...useDocumentLimits(options.limits),
    useFieldLimits(options.limits),
    useKnownOperationTypes(),
    ...(profile.fieldSuggestions ? [] : [useNoSuggestions()]),
    ...(profile.introspection === 'organisations' ? [useIntrospectionAccess()] : []),
    useCostLimit(options.limits.maxCost),
    useSubgraphTimeouts(options.subgraphTimeoutMs),
    useGatewayToken({ secret: options.tokenSecret, logger: options.logger }),
    useVariableErrorCodes(),
    useSubgraphExtensions({ keys: options.extensionKeys }),
    useRequestIdInErrors({
      requestIds: options.requestIds,
      masker: options.masker,
      stamp: profile.requestIdInErrors,
    }),
  ];
}
