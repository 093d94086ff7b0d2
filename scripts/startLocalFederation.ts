import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { AGENCIES, AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import type { Db } from '../platform/db/createDb';
import type { Logger } from '../platform/logging/logger';
import { repoRoot } from '../platform/repoRoot';
import { type HostedAgency, hostAgency } from '../platform/subgraph/hostAgency';
import { createGateway } from '../gateway/createGateway';
import type { ClientTokenOptions } from '../gateway/identity/createClientTokenVerifier';
import { demoIdentityOptions } from '../demo/identity/demoIdentityProvider';
import { profileDefaults, type ProfileSettings } from '../gateway/profiles/profileSettings';
import { SUBGRAPH_FACTORIES } from '../subgraphs/registry';
import { readAccessLogSigner } from '../platform/witness/accessLogKeys';

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
  watchSupergraph?: boolean;
  /** How client tokens are verified; default: the demo identity provider's tokens. */
  identity?: ClientTokenOptions;
  /** The key pair the gateway signs subgraph calls with; default: a new one for this run. */
  gatewayKeys?: GatewayKeyPair;
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
  /** What the gateway shows of itself; default the demo profile's. */
  profile?: ProfileSettings;
}

/** An Ed25519 key pair: the gateway signs with the private key, subgraphs verify with the public one. */
export interface GatewayKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface LocalFederation {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  subgraphs: Record<AgencyName, { url: string; db: Db }>;
  stop(): Promise<void>;
}

/**
 * Runs every agency subgraph and the gateway in this process, each agency with its own
 * connection pool and HTTP port, as `npm start` and the end-to-end tests do.
 */
export async function startLocalFederation(
  options: LocalFederationOptions,
): Promise<LocalFederation> {
  const gatewayKeys = options.gatewayKeys ?? generateKeyPairSync('ed25519');
  const running: HostedAgency[] = [];
  const stopAll = () => Promise.all(running.map((hosted) => hosted.stop()));
  try {
    for (const agency of AGENCY_NAMES) {
      running.push(
        await hostAgency(agency, SUBGRAPH_FACTORIES[agency], {
          databaseUrl: options.databaseUrl,
          poolSize: options.poolSize ?? 5,
          host: options.host,
          port: options.subgraphPorts === 'default' ? AGENCIES[agency].defaultPort : 0,
          logger: options.logger.child({ service: `${agency}-subgraph` }),
          gatewayPublicKey: gatewayKeys.publicKey,
          policyRefreshMs: options.policyRefreshMs,
          embeddedDatabase: options.embeddedDatabase,
          accessLogDatabaseUrl: options.accessLogDatabaseUrl,
          governanceDatabaseUrl: options.governanceDatabaseUrl,
          policyMaxStalenessMs: options.policyMaxStalenessMs,
          // The committed demo keys (demo/keys/README.md), which audit:verify checks by default.
          accessLogSigner: readAccessLogSigner(agency),
          witnessIntervalMs: options.witnessIntervalMs,
          witnessFile: options.witnessFile,
        }),
      );
    }
    const gateway = await createGateway({
      supergraphPath:
        options.supergraphPath ?? path.join(repoRoot(), 'schema', 'supergraph.graphql'),
      subgraphUrls: Object.fromEntries(running.map(({ agency, url }) => [agency, url])),
      logger: options.logger.child({ service: 'gateway' }),
      watch: options.watchSupergraph ?? false,
      identity: options.identity ?? demoIdentityOptions(),
      signingKey: gatewayKeys.privateKey,
      profile: options.profile ?? profileDefaults('demo', options.gatewayPort),
    });
    const baseUrl = await gateway.listen(options.gatewayPort, options.host);
    return {
      gatewayUrl: `${baseUrl}/graphql`,
      subgraphs: Object.fromEntries(
        running.map(({ agency, url, db }) => [agency, { url, db }]),
      ) as LocalFederation['subgraphs'],
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
