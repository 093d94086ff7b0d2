import {
  deriveGatewayTokenKey,
  type GatewayTokenSecret,
  newGatewayTokenSecret,
} from '../platform/identity/gatewayTokenKeys';
import path from 'node:path';
import { AGENCIES, AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import type { Db } from '../platform/db/createDb';
import type { Logger } from '../platform/logging/logger';
import { repoRoot } from '../platform/repoRoot';
import { type HostedAgency, hostAgency } from '../platform/subgraph/hostAgency';
import { createGateway } from '../gateway/createGateway';
import type { SubgraphTimeouts } from '../gateway/subgraphTimeouts';
import type { ClientTokenOptions } from '../gateway/identity/createClientTokenVerifier';
import type { TrustedDocumentsOptions } from '../gateway/trustedDocuments/trustedDocumentSource';
import { demoIdentityOptions } from '../demo/identity/demoIdentityProvider';
import { DEFAULT_METRICS_PORT } from '../gateway/config';
import { profileDefaults, type ProfileSettings } from '../gateway/profiles/profileSettings';
import { SUBGRAPH_FACTORIES } from '../subgraphs/registry';
import { readAccessLogSigner } from '../platform/witness/accessLogKeys';
import { readDemoPseudonymSecret } from '../platform/statistics/pseudonymSecret';

export interface LocalFederationOptions {
  databaseUrl: string;
  host: string;
  /** `default`: 4001 upward as in the checked-in supergraph; `ephemeral`: free ports (tests). */
  subgraphPorts: 'default' | 'ephemeral';
  /** 0 picks a free port. */
  gatewayPort: number;
  logger: Logger;
  supergraphPath?: string;
  /** Connections per agency pool, as each agency would have in its own process. */
  poolSize?: number;
  /** Connections per agency to the governance store for its agreements (default 2). */
  policyPoolSize?: number;
  watchSupergraph?: boolean;
  /** How client tokens are verified; default: the demo identity provider's tokens. */
  identity?: ClientTokenOptions;
  /** The secret the gateway's tokens to subgraphs are made with; default: a new one for this run. */
  gatewayTokenSecret?: GatewayTokenSecret;
  /** How soon a changed agreement or consent applies in every subgraph. */
  policyRefreshMs?: number;
  /** The database is the embedded one, whose clients share one session (no per-connection role). */
  embeddedDatabase?: boolean;
  /** Where the agencies write their access logs, when not over their own pools (tests of outages). */
  accessLogDatabaseUrl?: string;
  /** Where the agencies reach the governance store for their policy (tests of its outages). */
  governanceDatabaseUrl?: string;
  /** How long agreements are trusted while the governance store does not answer. */
  policyMaxStalenessMs?: number;
  /** How often each agency signs and publishes its access log's head (default 5 s). */
  witnessIntervalMs?: number;
  /** A file witness every agency also publishes to. */
  witnessFile?: string;
  /** Where an agency reaches its own data, when not at `databaseUrl` (tests of its outages). */
  agencyDatabaseUrls?: Partial<Record<AgencyName, string>>;
  /** The URL the gateway calls an agency at, given where it listens (tests put a relay between). */
  gatewayRoute?: (agency: AgencyName, url: string) => Promise<string>;
  /** How long the gateway waits for each subgraph call (default 30 s). */
  subgraphTimeouts?: SubgraphTimeouts;
  /** What the gateway shows of itself; default the demo profile's. */
  profile?: ProfileSettings;
  /** Trusted documents, and the clients held to them; none by default. */
  trustedDocuments?: TrustedDocumentsOptions;
  /** Serve each service's `/metrics`: on 9464 upward (`default`) or free ports; none when absent. */
  metricsPorts?: 'default' | 'ephemeral';
}

export interface LocalFederation {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** The gateway's `/metrics`, when served. */
  gatewayMetricsUrl: string | null;
  subgraphs: Record<AgencyName, { url: string; db: Db; metricsUrl: string | null }>;
  /** Stops one agency's subgraph as its process would at SIGTERM (tests of its outage). */
  stopSubgraph(agency: AgencyName): Promise<void>;
  /** Starts a stopped agency's subgraph again, on the port it had. */
  restartSubgraph(agency: AgencyName): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs every agency subgraph and the gateway in this process, each agency with its own
 * connection pool and HTTP port, as `npm start` and the end-to-end tests do.
 */
export async function startLocalFederation(
  options: LocalFederationOptions,
): Promise<LocalFederation> {
  const tokenSecret = options.gatewayTokenSecret ?? newGatewayTokenSecret();
  const running: HostedAgency[] = [];
  const stopAll = () => Promise.all(running.map((hosted) => hosted.stop()));
  const host = (agency: AgencyName, port: number) =>
    hostAgency(agency, SUBGRAPH_FACTORIES[agency], {
      databaseUrl: options.agencyDatabaseUrls?.[agency] ?? options.databaseUrl,
      governanceDatabaseUrl: options.governanceDatabaseUrl ?? options.databaseUrl,
      poolSize: options.poolSize ?? 5,
      policyPoolSize: options.policyPoolSize,
      host: options.host,
      port,
      logger: options.logger.child({ service: `${agency}-subgraph` }),
      // Each agency holds its own key only, as when the processes run apart.
      gatewayTokenKeys: [deriveGatewayTokenKey(tokenSecret, agency)],
      policyRefreshMs: options.policyRefreshMs,
      embeddedDatabase: options.embeddedDatabase,
      accessLogDatabaseUrl: options.accessLogDatabaseUrl,
      policyMaxStalenessMs: options.policyMaxStalenessMs,
      // The committed demo keys (demo/keys/README.md), which audit:verify checks by default.
      accessLogSigner: readAccessLogSigner(agency),
      witnessIntervalMs: options.witnessIntervalMs,
      witnessFile: options.witnessFile,
      // The demo's shared secret for statistical pseudonyms, held by every agency but governance.
      statisticsSecret: agency === 'governance' ? undefined : readDemoPseudonymSecret(),
      ...(options.metricsPorts
        ? {
            metrics: {
              host: options.host,
              port: options.metricsPorts === 'default' ? AGENCIES[agency].metricsPort : 0,
            },
          }
        : {}),
    });
  try {
    for (const agency of AGENCY_NAMES)
      running.push(
        await host(agency, options.subgraphPorts === 'default' ? AGENCIES[agency].defaultPort : 0),
      );
    const route = options.gatewayRoute ?? ((_agency, url) => Promise.resolve(url));
    const gateway = await createGateway({
      supergraphPath:
        options.supergraphPath ?? path.join(repoRoot(), 'schema', 'supergraph.graphql'),
      subgraphUrls: Object.fromEntries(
        await Promise.all(
          running.map(async ({ agency, url }) => [agency, await route(agency, url)]),
        ),
      ),
      subgraphTimeouts: options.subgraphTimeouts,
      logger: options.logger.child({ service: 'gateway' }),
      watch: options.watchSupergraph ?? false,
      identity: options.identity ?? demoIdentityOptions(),
      tokenSecret,
      profile: options.profile ?? profileDefaults('demo', options.gatewayPort),
      trustedDocuments: options.trustedDocuments,
      ...(options.metricsPorts
        ? {
            metrics: {
              host: options.host,
              port: options.metricsPorts === 'default' ? DEFAULT_METRICS_PORT : 0,
            },
          }
        : {}),
    });
    const baseUrl = await gateway.listen(options.gatewayPort, options.host);
    const stopped = new Map<AgencyName, number>();
    return {
      gatewayUrl: `${baseUrl}/graphql`,
      gatewayMetricsUrl: gateway.metricsUrl(),
      subgraphs: Object.fromEntries(
        running.map(({ agency, url, db, metricsUrl }) => [agency, { url, db, metricsUrl }]),
      ) as LocalFederation['subgraphs'],
      async stopSubgraph(agency) {
        const index = running.findIndex((hosted) => hosted.agency === agency);
        if (index < 0) throw new Error(`${agency} is not running`);
        const [hosted] = running.splice(index, 1);
        stopped.set(agency, Number(new URL(hosted!.url).port));
        await hosted!.stop();
      },
      async restartSubgraph(agency) {
        const port = stopped.get(agency);
        if (port === undefined) throw new Error(`${agency} was not stopped`);
        running.push(await host(agency, port));
        stopped.delete(agency);
      },
      async stop() {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
