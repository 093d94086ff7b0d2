import type { KeyObject } from 'node:crypto';
import type { AgencyName } from '../agencies';
import { createDb, type Db } from '../db/createDb';
import type { Logger } from '../logging/logger';
import { createPolicyRuntime } from '../policy/policyRuntime';
import { createAccessLogWriter } from '../accessLog/accessLogWriter';
import { recordOncePerRequest } from '../accessLog/recordOncePerRequest';
import { serviceRole } from '../accessLog/serviceRole';
import { serveAgency } from './serveAgency';
import type { AgencySubgraphFactory } from './SubgraphDefinition';

export interface HostAgencyOptions {
  databaseUrl: string;
  poolSize: number;
  host: string;
  /** 0 picks a free port. */
  port: number;
  logger: Logger;
  gatewayPublicKey: KeyObject;
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
}

export interface HostedAgency {
  agency: AgencyName;
  url: string;
  /** The agency's own data connection. */
  db: Db;
  stop(): Promise<void>;
}

/**
 * Runs one agency subgraph: its data connection, a separate small connection to the governance
 * store for its agreements, and its HTTP server behind the gateway.
 */
export async function hostAgency(
  agency: AgencyName,
  factory: AgencySubgraphFactory,
  options: HostAgencyOptions,
): Promise<HostedAgency> {
  const role = serviceRole(agency);
  const sessionRole = options.embeddedDatabase ? undefined : role;
  const db = createDb({
    url: options.databaseUrl,
    poolSize: options.poolSize,
    applicationName: `govgraph-${agency}`,
    role: sessionRole,
  });
  const governanceDb = createDb({
    url: options.databaseUrl,
    poolSize: 2,
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
  const closeDatabases = () =>
    Promise.all([db.destroy(), governanceDb.destroy(), logDb === db ? undefined : logDb.destroy()]);
  try {
    const subgraph = await factory(db);
    const policy = await createPolicyRuntime({
      // Every agreement: an agency decides its own fields from its own, and whom a caller may
      // identify from the identity register's (policy/personIdentity.ts).
      db: governanceDb,
      refreshMs: options.policyRefreshMs,
      logger: options.logger,
      listenUrl: options.embeddedDatabase ? undefined : options.databaseUrl,
    });
    const server = await serveAgency(subgraph, {
      host: options.host,
      port: options.port,
      logger: options.logger,
      gatewayPublicKey: options.gatewayPublicKey,
      policy,
      accessLog: recordOncePerRequest(createAccessLogWriter(logDb, agency)),
    });
    return {
      agency,
      url: server.url,
      db,
      async stop() {
        await server.stop();
        await policy.stop();
        await closeDatabases();
      },
    };
  } catch (error) {
    await closeDatabases();
    throw error;
  }
}
