import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parsePseudonymSecret } from '../statistics/pseudonymSecret';
import { STATISTICS_AGENCIES, type StatisticsAgency } from '../statistics/statisticalVariables';
import { AGENCIES, type AgencyName } from '../agencies';
import {
  databaseUrlField,
  logLevelField,
  logPretty,
  logPrettyField,
  metricsHostField,
  metricsPortApartFrom,
  nodeEnvField,
  portField,
  positiveIntField,
} from '../config/envFields';
import { loadConfig } from '../config/loadConfig';
import { loadTracingConfig, type TracingConfig } from '../tracing/tracingConfig';
import { type GatewayTokenKey, gatewayTokenKeysFromJwk } from '../identity/gatewayTokenKeys';
import { exactlyOneOf, inlineJsonField, jsonFileField } from '../identity/jsonSettings';
import type { StatementSigner } from '../witness/signStatement';
import { signerFromJwk } from '../witness/accessLogKeys';

export interface SubgraphConfig {
  databaseUrl: string;
  host: string;
  port: number;
  poolSize: number;
  logLevel: string;
  /** Human-readable log lines (`LOG_PRETTY`, or NODE_ENV=development). */
  logPretty: boolean;
  /** Where Prometheus scrapes `/metrics`: a port apart from the GraphQL one. */
  metrics: { host: string; port: number };
  /**
   * The agency's keys for the gateway's tokens (`GATEWAY_TOKEN_KEY`: a JWK, or a JWK set while
   * keys rotate), derived from the gateway's secret: it answers only requests the gateway signed.
   */
  gatewayTokenKeys: GatewayTokenKey[];
  /** The key that seals page cursors, shared by the replicas of a subgraph; per process when absent. */
  pageCursorKey: Buffer | undefined;
  /** Signs the access log's head and checkpoints (the agency's own Ed25519 key). */
  accessLogSigner: StatementSigner;
  /** How often the head is looked at and, when it moved, signed and published to the witnesses. */
  witnessIntervalMs: number;
  /** A file witness (JSON lines) the heads are also published to, besides the governance store. */
  witnessFile: string | undefined;
  /** How long agreements are trusted while the governance store does not answer; then deny. */
  policyMaxStalenessMs: number;
  /** The agencies' shared secret for statistical pseudonyms (absent in governance). */
  statisticsSecret: Buffer | undefined;
  /** Where spans are exported (the standard `OTEL_*` variables); absent when tracing is off. */
  tracing: TracingConfig | undefined;
}

/** Reads one agency subgraph's configuration; the only place a subgraph reads the environment. */
export function loadSubgraphConfig(agency: AgencyName, env: NodeJS.ProcessEnv): SubgraphConfig {
  const schema = z
    .object({
      DATABASE_URL: databaseUrlField,
      HOST: z.string().min(1).default('127.0.0.1'),
      PORT: portField.default(AGENCIES[agency].defaultPort),
      DB_POOL_SIZE: positiveIntField.max(200, 'must be at most 200').default(10),
      LOG_LEVEL: logLevelField,
      LOG_PRETTY: logPrettyField,
      NODE_ENV: nodeEnvField,
      METRICS_HOST: metricsHostField,
      METRICS_PORT: portField.default(AGENCIES[agency].metricsPort),
      GATEWAY_TOKEN_KEY: inlineJsonField((jwk) => gatewayTokenKeysFromJwk(agency, jwk)),
      GATEWAY_TOKEN_KEY_FILE: jsonFileField((jwk) => gatewayTokenKeysFromJwk(agency, jwk)),
      PAGE_CURSOR_KEY: z
        .string()
        .transform((value) => Buffer.from(value, 'base64url'))
        .refine((key) => key.length === 32, 'must be 32 bytes, base64url-encoded')
        .optional(),
      ACCESS_LOG_SIGNING_KEY: inlineJsonField((jwk) => signerFromJwk(agency, jwk)),
      ACCESS_LOG_SIGNING_KEY_FILE: jsonFileField((jwk) => signerFromJwk(agency, jwk)),
      ACCESS_LOG_WITNESS_INTERVAL_MS: positiveIntField
        .max(3_600_000, 'must be at most an hour (3600000)')
        .default(5_000),
      ACCESS_LOG_WITNESS_FILE: z.string().min(1).optional(),
      STATISTICS_PSEUDONYM_SECRET: secretField(),
      STATISTICS_PSEUDONYM_SECRET_FILE: secretField((file) => readFileSync(file, 'utf8')),
      POLICY_MAX_STALENESS_MS: positiveIntField
        .max(600_000, 'must be at most ten minutes (600000): a revocation must not wait longer')
        .default(30_000),
    })
    .superRefine(exactlyOneOf('GATEWAY_TOKEN_KEY', 'GATEWAY_TOKEN_KEY_FILE'), {
      when: () => true,
    })
    .superRefine(exactlyOneOf('ACCESS_LOG_SIGNING_KEY_FILE', 'ACCESS_LOG_SIGNING_KEY'), {
      when: () => true,
    })
    .superRefine(metricsPortApartFrom('PORT', 'GraphQL port'), { when: () => true })
    .superRefine(
      (env, ctx) => {
        const given = env.STATISTICS_PSEUDONYM_SECRET ?? env.STATISTICS_PSEUDONYM_SECRET_FILE;
        if (agency === 'governance') {
          // The joiner must not be able to make a pseudonym from a national ID.
          if (given)
            ctx.addIssue({
              code: 'custom',
              path: ['STATISTICS_PSEUDONYM_SECRET'],
              message: 'must not be given to the governance service, which joins the pseudonyms',
            });
          return;
        }
        // Agencies holding no statistical variable may go without.
        if (STATISTICS_AGENCIES.includes(agency as StatisticsAgency) || given)
          exactlyOneOf('STATISTICS_PSEUDONYM_SECRET', 'STATISTICS_PSEUDONYM_SECRET_FILE')(env, ctx);
      },
      { when: () => true },
    );
  const config = loadConfig(`${agency} subgraph`, schema, env);
  const tracing = loadTracingConfig(`${agency} subgraph`, `govgraph-${agency}`, env);
  return {
    tracing,
    databaseUrl: config.DATABASE_URL,
    host: config.HOST,
    port: config.PORT,
    poolSize: config.DB_POOL_SIZE,
    logLevel: config.LOG_LEVEL,
    logPretty: logPretty(config.LOG_PRETTY, config.NODE_ENV),
    metrics: { host: config.METRICS_HOST, port: config.METRICS_PORT },
    gatewayTokenKeys: (config.GATEWAY_TOKEN_KEY ?? config.GATEWAY_TOKEN_KEY_FILE)!,
    pageCursorKey: config.PAGE_CURSOR_KEY,
    accessLogSigner: (config.ACCESS_LOG_SIGNING_KEY ?? config.ACCESS_LOG_SIGNING_KEY_FILE)!,
    witnessIntervalMs: config.ACCESS_LOG_WITNESS_INTERVAL_MS,
    witnessFile: config.ACCESS_LOG_WITNESS_FILE,
    policyMaxStalenessMs: config.POLICY_MAX_STALENESS_MS,
    statisticsSecret: config.STATISTICS_PSEUDONYM_SECRET ?? config.STATISTICS_PSEUDONYM_SECRET_FILE,
  };
}

/** A pseudonym secret, inline or read from a file, checked at start-up. */
function secretField(read: (value: string) => string = (value) => value) {
  return z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .transform((value, ctx) => {
        try {
          return parsePseudonymSecret(read(value));
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      })
      .optional(),
  );
}
