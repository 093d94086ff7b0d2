import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { AGENCIES, AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import { createDb, type Db } from '../platform/db/createDb';
import type { Logger } from '../platform/logging/logger';
import { repoRoot } from '../platform/repoRoot';
import type { RunningSubgraph } from '../platform/server/startSubgraphServer';
import { serveAgency } from '../platform/subgraph/serveAgency';
import { createGateway } from '../gateway/createGateway';
import type { ClientTokenOptions } from '../gateway/identity/createClientTokenVerifier';
import { demoIdentityOptions } from '../demo/identity/demoIdentityProvider';
import { SUBGRAPH_FACTORIES } from '../subgraphs/registry';

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
 * Runs the six agency subgraphs and the gateway in this process, each agency with its own
 * connection pool and HTTP port, as `npm start` and the end-to-end tests do.
 */
export async function startLocalFederation(
  options: LocalFederationOptions,
): Promise<LocalFederation> {
  const gatewayKeys = options.gatewayKeys ?? generateKeyPairSync('ed25519');
  const running: { agency: AgencyName; server: RunningSubgraph; db: Db }[] = [];
  const stopAll = async () => {
    await Promise.all(running.map(({ server }) => server.stop()));
    await Promise.all(running.map(({ db }) => db.destroy()));
  };
  try {
    for (const agency of AGENCY_NAMES) {
      const db = createDb({
        url: options.databaseUrl,
        poolSize: options.poolSize ?? 5,
        applicationName: `govgraph-${agency}`,
      });
      const subgraph = await SUBGRAPH_FACTORIES[agency](db);
      const port = options.subgraphPorts === 'default' ? AGENCIES[agency].defaultPort : 0;
      const logger = options.logger.child({ service: `${agency}-subgraph` });
      running.push({
        agency,
        db,
        server: await serveAgency(subgraph, {
          host: options.host,
          port,
          logger,
          gatewayPublicKey: gatewayKeys.publicKey,
        }),
      });
    }
    const gateway = await createGateway({
      supergraphPath:
        options.supergraphPath ?? path.join(repoRoot(), 'schema', 'supergraph.graphql'),
      subgraphUrls: Object.fromEntries(running.map(({ agency, server }) => [agency, server.url])),
      logger: options.logger.child({ service: 'gateway' }),
      watch: options.watchSupergraph ?? false,
      identity: options.identity ?? demoIdentityOptions(),
      signingKey: gatewayKeys.privateKey,
    });
    const baseUrl = await gateway.listen(options.gatewayPort, options.host);
    return {
      gatewayUrl: `${baseUrl}/graphql`,
      subgraphs: Object.fromEntries(
        running.map(({ agency, server, db }) => [agency, { url: server.url, db }]),
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
