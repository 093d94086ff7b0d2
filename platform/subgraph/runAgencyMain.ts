import type { AgencyName } from '../agencies';
import { runMain } from '../config/runMain';
import { createDb } from '../db/createDb';
import { createLogger } from '../logging/logger';
import { serveAgency } from './serveAgency';
import type { AgencySubgraphFactory } from './SubgraphDefinition';
import { loadSubgraphConfig } from './subgraphConfig';

/** The entry point of one agency's subgraph process (as docker-compose runs it). */
export function runAgencyMain(agency: AgencyName, factory: AgencySubgraphFactory): void {
  runMain(async () => {
    const config = loadSubgraphConfig(agency, process.env);
    const logger = createLogger(`${agency}-subgraph`, config.logLevel);
    const db = createDb({
      url: config.databaseUrl,
      poolSize: config.poolSize,
      applicationName: `govgraph-${agency}`,
    });
    const running = await serveAgency(await factory(db), {
      host: config.host,
      port: config.port,
      logger,
      gatewayPublicKey: config.gatewayPublicKey,
    });
    const shutdown = async () => {
      logger.info('shutting down');
      await running.stop();
      await db.destroy();
      process.exit(0);
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  });
}
