import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../platform/logging/logger';
import { useExplorerAssets } from './explorerAssets';
import type { ClientTokenVerifier } from './identity/createClientTokenVerifier';
import { type RequestIds, useRequestIdHeaders } from './identity/requestIds';
import { type RequestIdentities, useClientIdentity } from './identity/useClientIdentity';
import { useGatewayToken } from './identity/useGatewayToken';
import type { RequestLimits } from './limits/requestLimits';
import { useCostLimit } from './limits/useCostLimit';
import { useDocumentLimits } from './limits/useDocumentLimits';
import { useRequestSizeLimits } from './limits/useRequestSizeLimits';
import type { ClientAddressOf } from './rateLimit/clientAddress';
import type { RateLimiter } from './rateLimit/createRateLimiter';
import { useRateLimit } from './rateLimit/useRateLimit';
import { useSubgraphExtensions } from './useSubgraphExtensions';
import { useVariableErrorCodes } from './useVariableErrorCodes';

/** Response extensions that subgraphs report and the client receives. */
export const DEFAULT_EXTENSION_KEYS = ['dataUse'] as const;

export interface GatewayPluginOptions {
  extensionKeys: readonly string[];
  verifyClientToken: ClientTokenVerifier;
  requestIds: RequestIds;
  /** The gateway's Ed25519 private key, signing every subgraph call. */
  signingKey: KeyObject;
  logger: Logger;
  /** How much one request may ask; each limit refuses before anything is planned. */
  limits: RequestLimits;
  /** Rate limits per caller; without them requests are not rate limited. */
  rateLimit?: { limiter: RateLimiter; clientAddress: ClientAddressOf };
}

/**
 * Every plugin the gateway runs, in order: identity first (a refused token or header stops
 * the request before anything else runs), then the caller's rate limit (before the body is
 * read), then the limits on hostile input (body and
 * variables before parsing, tokens while parsing, depth, aliases, directives and cost while
 * validating, all before planning), then signing what the subgraphs receive, then the
 * plugins that shape responses.
 */
export function createGatewayPlugins(options: GatewayPluginOptions): GatewayPlugin[] {
  const identities: RequestIdentities = new WeakMap();
  return [
    useExplorerAssets(),
    useRequestIdHeaders(options.requestIds),
    useClientIdentity({
      verifyToken: options.verifyClientToken,
      requestIds: options.requestIds,
      identities,
    }),
    ...(options.rateLimit ? [useRateLimit({ ...options.rateLimit, identities })] : []),
    useRequestSizeLimits(options.limits),
    ...useDocumentLimits(options.limits),
    useCostLimit(options.limits.maxCost),
    useGatewayToken({ key: options.signingKey, logger: options.logger }),
    useVariableErrorCodes(),
    useSubgraphExtensions({ keys: options.extensionKeys }),
  ];
}
