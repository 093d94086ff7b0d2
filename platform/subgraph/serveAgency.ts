import type { GatewayTokenKey } from '../identity/gatewayTokenKeys';
import type { SharedReplayGuard } from '../identity/createSharedReplayGuard';
import type { Logger } from '../logging/logger';
import type { PolicyRuntime } from '../policy/policyRuntime';
import { accessLogPlugin } from '../accessLog/accessLogPlugin';
import type { AccessLogWriter } from '../accessLog/accessLogWriter';
import type { RequestContext } from '../context/RequestContext';
import type { SubgraphMetrics } from '../metrics/subgraphMetrics';
import type { ReadinessCheck } from '../server/readiness';
import { type RunningSubgraph, startSubgraphServer } from '../server/startSubgraphServer';
import { createRequestContext } from './createRequestContext';
import { requestLogPlugin } from './requestLogPlugin';
import type { AgencySubgraph } from './SubgraphDefinition';

export interface ServeAgencyOptions {
  host: string;
  port: number;
  logger: Logger;
  /** The agency's gateway-token keys; requests without a valid token made with one are refused. */
  gatewayTokenKeys: readonly GatewayTokenKey[];
  /** The gateway token ids every replica of this subgraph has accepted. */
  sharedReplays?: SharedReplayGuard;
  /** The agreements in force, kept current; every request's policy is made from them. */
  policy: PolicyRuntime;
  /** Where releases of personal data are recorded before they leave the subgraph. */
  accessLog: AccessLogWriter;
  /** What `/readyz` checks. */
  readiness?: readonly ReadinessCheck[];
  /** The agencies' shared secret for statistical pseudonyms; never given to governance. */
  statisticsSecret?: Buffer | null;
  /** The largest request body read (default 1 MiB). */
  maxBodyBytes?: number;
  /** Where each request is counted and timed. */
  metrics: SubgraphMetrics;
}

/**
 * Serves an agency subgraph over HTTP to the gateway alone: each request's context (caller,
 * purpose, fresh loaders) comes from the gateway token it carries.
 */
export function serveAgency(
  subgraph: AgencySubgraph,
  options: ServeAgencyOptions,
): Promise<RunningSubgraph> {
  return startSubgraphServer({
    name: subgraph.name,
    schema: subgraph.schema,
    host: options.host,
    port: options.port,
    logger: options.logger,
    gatewayTokenKeys: options.gatewayTokenKeys,
    sharedReplays: options.sharedReplays,
    createContext: async (identity) =>
      createRequestContext(subgraph, identity, options.policy, options.statisticsSecret ?? null),
    readOnlyQueries: subgraph.readOnlyQueries,
    plugins: [
      requestLogPlugin<RequestContext>(subgraph.name, options.logger, options.metrics),
      accessLogPlugin(options.accessLog, options.logger),
      ...(subgraph.plugins ?? []),
    ],
    readiness: options.readiness,
    maxBodyBytes: options.maxBodyBytes,
  });
}
