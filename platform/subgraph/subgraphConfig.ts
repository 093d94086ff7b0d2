import { z } from 'zod';
import { AGENCIES, type AgencyName } from '../agencies';
import { databaseUrlField, logLevelField, portField, positiveIntField } from '../config/envFields';
import { loadConfig } from '../config/loadConfig';

export interface SubgraphConfig {
  databaseUrl: string;
  host: string;
  port: number;
  poolSize: number;
  logLevel: string;
}

/** Reads one agency subgraph's configuration; the only place a subgraph reads the environment. */
export function loadSubgraphConfig(agency: AgencyName, env: NodeJS.ProcessEnv): SubgraphConfig {
  const schema = z.object({
    DATABASE_URL: databaseUrlField,
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: portField.default(AGENCIES[agency].defaultPort),
    DB_POOL_SIZE: positiveIntField.max(200, 'must be at most 200').default(10),
    LOG_LEVEL: logLevelField,
  });
  const config = loadConfig(`${agency} subgraph`, schema, env);
  return {
    databaseUrl: config.DATABASE_URL,
    host: config.HOST,
    port: config.PORT,
    poolSize: config.DB_POOL_SIZE,
    logLevel: config.LOG_LEVEL,
  };
}
