import type { AgencyName } from '../agencies';
import { runMain } from '../config/runMain';
import { createLogger } from '../logging/logger';
import { setCursorKey } from '../pagination/cursor';
import { stopOnSignals } from '../server/stopOnSignals';
import { startTracing } from '../tracing/startTracing';
import { hostAgency } from './hostAgency';
import type { AgencySubgraphFactory } from './SubgraphDefinition';
import { loadSubgraphConfig } from './subgraphConfig';

/** The entry point of one agency's subgraph process (as docker-compose runs it). */
export function runAgencyMain(agency: AgencyName, factory: AgencySubgraphFactory): void {
  runMain(async () => {
    const config = loadSubgraphConfig(agency, process.env);
    const logger = createLogger(`${agency}-subgraph`, config.logLevel, {
      pretty: config.logPretty,
    });
    const tracing = startTracing(config.tracing);
    if (config.pageCursorKey) setCursorKey(config.pageCursorKey);
    const hosted = await hostAgency(agency, factory, {
      databaseUrl: config.databaseUrl,
      poolSize: config.poolSize,
      host: config.host,
      port: config.port,
      logger,
      gatewayTokenKeys: config.gatewayTokenKeys,
      accessLogSigner: config.accessLogSigner,
      witnessIntervalMs: config.witnessIntervalMs,
      witnessFile: config.witnessFile,
      policyMaxStalenessMs: config.policyMaxStalenessMs,
      statisticsSecret: config.statisticsSecret,
      metrics: config.metrics,
    });
    stopOnSignals(() => hosted.stop().finally(() => tracing.shutdown()), { logger });
  });
}
