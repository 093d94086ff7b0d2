import type { GatewayTokenKey } from '../identity/gatewayTokenKeys';
import type { AgencyName } from '../agencies';
import { createDb, type Db } from '../db/createDb';
import { createSharedReplayGuard } from '../identity/createSharedReplayGuard';
import type { Logger } from '../logging/logger';
import { createPolicyRuntime } from '../policy/policyRuntime';
import { createAccessLogWriter } from '../accessLog/accessLogWriter';
import type { StatementPreparation } from '../db/preparedStatement';
import { countAccessLogWrites } from '../accessLog/countAccessLogWrites';
import { recordOncePerRequest } from '../accessLog/recordOncePerRequest';
import { createSubgraphMetrics } from '../metrics/subgraphMetrics';
import { type MetricsServer, serveMetrics } from '../metrics/serveMetrics';
import { serviceRole } from '../accessLog/serviceRole';
import { fileWitness } from '../witness/fileWitness';
import { governanceWitness } from '../witness/governanceWitness';
import type { StatementSigner } from '../witness/signStatement';
import type { LogName } from '../witness/LogStatement';
import { startHeadPublisher } from '../witness/startHeadPublisher';
import { serveAgency } from './serveAgency';
import type { AgencySubgraphFactory } from './SubgraphDefinition';

export interface HostAgencyOptions {
  databaseUrl: string;
  poolSize: number;
  /** Connections to the governance store for the agency's agreements (default 2). */
  policyPoolSize?: number;
  host: string;
  /** 0 picks a free port. */
  port: number;
  logger: Logger;
  /** The agency's keys for the gateway's tokens (derived from the gateway's secret). */
  gatewayTokenKeys: readonly GatewayTokenKey[];
  /** How soon a changed agreement or consent applies. */
  policyRefreshMs?: number;
  /**
   * The database is the embedded one: all its clients share one session and it delivers no
   * notifications to other clients. There connections cannot each take the agency's service role
   * (the access log's trigger guards it instead), and policy changes arrive by polling alone.
   */
  embeddedDatabase?: boolean;
  /** Where the access log is written, when not over the agency's own connection pool. */
  accessLogDatabaseUrl?: string;
  /** Where the governance store is reached, when not at `databaseUrl` (tests of its outages). */
  governanceDatabaseUrl?: string;
  /** How long agreements are trusted while the governance store does not answer (default 30 s). */
  policyMaxStalenessMs?: number;
  /** The agency's key for its access log's head and checkpoints. */
  accessLogSigner: StatementSigner;
  /** How often the head is signed and published to the witnesses, when it moved (default 5 s). */
  witnessIntervalMs?: number;
  /** A file witness to publish to as well as the governance store. */
  witnessFile?: string;
  /**
   * The secret the agencies share to pseudonymise statistical units. Governance joins the
   * pseudonyms and must not be able to make them, so it is refused there.
   */
  statisticsSecret?: Buffer;
  /** Where Prometheus scrapes this agency's metrics (port 0 picks one); not served when absent. */
  metrics?: { host: string; port: number };
}

export interface HostedAgency {
  agency: AgencyName;
  url: string;
  /** The agency's `/metrics`, when they are served. */
  metricsUrl: string | null;
  /** The agency's own data connection. */
  db: Db;
  stop(): Promise<void>;
}

/**
 * Runs one agency subgraph: its data connection, a separate small connection to the governance
 * store for its agreements, its HTTP server behind the gateway, and, off the request path, the
 * timer that signs its access log's head and publishes it to the witnesses (and once more at
 * shutdown).
 */
export async function hostAgency(
  agency: AgencyName,
  factory: AgencySubgraphFactory,
  options: HostAgencyOptions,
): Promise<HostedAgency> {
  if (options.accessLogSigner.agency !== agency)
    throw new Error(`${agency}: the access-log key given is ${options.accessLogSigner.agency}'s`);
  if (agency === 'governance' && options.statisticsSecret)
    throw new Error('governance must not hold the statistics pseudonym secret');
  const role = serviceRole(agency);
  const sessionRole = options.embeddedDatabase ? undefined : role;
  // Statements of every request (the access log's, the token ids') are planned once per
  // connection, except where all connections share the embedded database's one session.
  const preparation: StatementPreparation = options.embeddedDatabase ? 'none' : 'per-connection';
  const db = createDb({
    url: options.databaseUrl,
    poolSize: options.poolSize,
    applicationName: `govgraph-${agency}`,
    role: sessionRole,
  });
  const governanceUrl = options.governanceDatabaseUrl ?? options.databaseUrl;
  const governanceDb = createDb({
    url: governanceUrl,
    poolSize: options.policyPoolSize ?? 2,
    applicationName: `govgraph-${agency}-policy`,
  });
  const logDb = options.accessLogDatabaseUrl
    ? createDb({
        url: options.accessLogDatabaseUrl,
        poolSize: 2,
        applicationName: `govgraph-${agency}-access-log`,
        role: sessionRole,
      })
    : db;
  // One connection of its own, as the service role: it reads the head and may only add to the witness.
  const witnessDb = createDb({
    url: options.databaseUrl,
    poolSize: 1,
    applicationName: `govgraph-${agency}-witness`,
    role: sessionRole,
  });
  const closeDatabases = () =>
    Promise.all([
      db.destroy(),
      governanceDb.destroy(),
      witnessDb.destroy(),
      logDb === db ? undefined : logDb.destroy(),
    ]);
  const metrics = createSubgraphMetrics(agency);
  metrics.watchPool('data', db);
  metrics.watchPool('policy', governanceDb);
  metrics.watchPool('witness', witnessDb);
  if (logDb !== db) metrics.watchPool('access-log', logDb);
  let metricsServer: MetricsServer | undefined;
  try {
    // First, so that a port already taken fails the start before anything else is running.
    metricsServer = options.metrics
      ? await serveMetrics(metrics.registry, { ...options.metrics, logger: options.logger })
      : undefined;
    const subgraph = await factory(db);
    const policy = await createPolicyRuntime({
      // Every agreement: an agency decides its own fields from its own, and whom a caller may
      // identify from the identity register's (policy/personIdentity.ts).
      db: governanceDb,
      refreshMs: options.policyRefreshMs,
      maxStalenessMs: options.policyMaxStalenessMs,
      logger: options.logger,
      listenUrl: options.embeddedDatabase ? undefined : governanceUrl,
      observer: metrics,
    });
    metrics.watchPolicyStaleness(() => policy.store.staleForMs());
    // In the agency's own schema, over its data connection: replicas refuse each other's used tokens.
    const sharedReplays = createSharedReplayGuard({
      db,
      schema: agency,
      logger: options.logger,
      preparation,
    });
    const server = await serveAgency(subgraph, {
      host: options.host,
      port: options.port,
      logger: options.logger,
      gatewayTokenKeys: options.gatewayTokenKeys,
      sharedReplays,
      policy,
      statisticsSecret: options.statisticsSecret ?? null,
      maxBodyBytes: subgraph.maxBodyBytes,
      accessLog: recordOncePerRequest(
        countAccessLogWrites(createAccessLogWriter(logDb, agency, preparation), metrics),
      ),
      metrics,
      readiness: [
        { name: 'database', check: async () => void (await db.raw('select 1')) },
        { name: 'policy', check: () => policy.checkTrusted() },
      ],
    });
    // Governance keeps the statistics log beside its access log: both heads are witnessed.
    const logs: LogName[] = agency === 'governance' ? ['access', 'statistics'] : ['access'];
    const publishers = logs.map((log) =>
      startHeadPublisher({
        db: witnessDb,
        schema: agency,
        log,
        signer: options.accessLogSigner,
        witnesses: [
          governanceWitness(witnessDb),
          ...(options.witnessFile ? [fileWitness(options.witnessFile)] : []),
        ],
        intervalMs: options.witnessIntervalMs ?? 5_000,
        logger: options.logger,
      }),
    );
    const scraped = metricsServer;
    return {
      agency,
      url: server.url,
      metricsUrl: scraped?.url ?? null,
      db,
      async stop() {
        await server.stop();
        await scraped?.stop();
        sharedReplays.stop();
        // After the last request: the final head covers every record this process wrote.
        await Promise.all(publishers.map((publisher) => publisher.stop()));
        await policy.stop();
        await closeDatabases();
      },
    };
  } catch (error) {
    await metricsServer?.stop();
    await closeDatabases();
    throw error;
  }
}
