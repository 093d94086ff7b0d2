import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import { logLevelField, portField } from '../platform/config/envFields';
import { loadConfig } from '../platform/config/loadConfig';
import { repoRoot } from '../platform/repoRoot';

/** The gateway's settings, read once from the environment at start-up. */
export interface GatewayConfig {
  host: string;
  port: number;
  /** Absolute path of the composed supergraph the gateway serves. */
  supergraphPath: string;
  logLevel: string;
  /** Endpoints that replace the URLs written in the supergraph, by subgraph name. */
  subgraphUrls: Partial<Record<AgencyName, string>>;
}

/** The environment variable that overrides one agency's subgraph URL, e.g. `SUBGRAPH_URL_TAX`. */
export function subgraphUrlVariable(agency: AgencyName): SubgraphUrlVariable {
  return `SUBGRAPH_URL_${agency.toUpperCase() as Uppercase<AgencyName>}`;
}

type SubgraphUrlVariable = `SUBGRAPH_URL_${Uppercase<AgencyName>}`;

// docker-compose passes `VAR=` for a variable it has no value for; that means "not set".
const subgraphUrlField = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
);

const gatewayEnvSchema = z.object({
  GATEWAY_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  GATEWAY_PORT: portField.default(4000),
  SUPERGRAPH_PATH: z.string().min(1, 'must not be empty').optional(),
  LOG_LEVEL: logLevelField,
  ...(Object.fromEntries(
    AGENCY_NAMES.map((agency) => [subgraphUrlVariable(agency), subgraphUrlField]),
  ) as Record<SubgraphUrlVariable, typeof subgraphUrlField>),
});

/** Reads and validates the gateway's environment; every problem is reported at once. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const parsed = loadConfig('gateway', gatewayEnvSchema, env);
  const subgraphUrls: Partial<Record<AgencyName, string>> = {};
  for (const agency of AGENCY_NAMES) {
    const url = parsed[subgraphUrlVariable(agency)];
    if (typeof url === 'string') subgraphUrls[agency] = url;
  }
  return {
    host: parsed.GATEWAY_HOST,
    port: parsed.GATEWAY_PORT,
    supergraphPath: resolve(
      parsed.SUPERGRAPH_PATH ?? join(repoRoot(), 'schema', 'supergraph.graphql'),
    ),
    logLevel: parsed.LOG_LEVEL,
    subgraphUrls,
  };
}
