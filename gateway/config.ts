import { join, resolve } from 'node:path';
import type { JSONWebKeySet, JWK } from 'jose';
import { z } from 'zod';
import { AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import {
  logLevelField,
  logPretty,
  logPrettyField,
  metricsHostField,
  metricsPortApartFrom,
  nodeEnvField,
  portField,
  positiveIntField,
} from '../platform/config/envFields';
import { loadConfig } from '../platform/config/loadConfig';
import {
  type GatewayTokenSecret,
  gatewayTokenSecretFromJwk,
} from '../platform/identity/gatewayTokenKeys';
import { exactlyOneOf, inlineJsonField, jsonFileField } from '../platform/identity/jsonSettings';
import { repoRoot } from '../platform/repoRoot';
import {
  CLIENT_TOKEN_ALGORITHMS,
  type ClientTokenAlgorithm,
  type ClientTokenOptions,
} from './identity/createClientTokenVerifier';
import { publicKeySet } from './identity/publicKeySet';
import { DEFAULT_TOKEN_LIFETIMES } from './identity/tokenLifetime';
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from './limits/requestLimits';
import { parseRoleGrants } from './identity/roleGrants';
import { DEFAULT_SUBGRAPH_TIMEOUTS, type SubgraphTimeouts } from './subgraphTimeouts';
import { demoIdentityKeySet, DEMO_IDENTITY_PROVIDER } from '../demo/identity/demoIdentityProvider';
import { profileEnvFields, profileSettingsFromEnv } from './profiles/profileEnv';
import type { ProfileSettings } from './profiles/profileSettings';
import { isClientName } from './trustedDocuments/trustedDocumentClients';
import type { TrustedDocumentsOptions } from './trustedDocuments/trustedDocumentSource';
import type { ExplorerOpenIdClient } from './workbench/workbenchFor';
import { isOrganisationCode } from '../platform/identity/requestCodes';
import proxyaddr from 'proxy-addr';
import { loadTracingConfig, type TracingConfig } from '../platform/tracing/tracingConfig';
import {
  DEFAULT_RATE_KEY_PREFIX,
  DEFAULT_RATE_STORE_TIMEOUT_MS,
  DEFAULT_RATES,
  formatRate,
  parseRate,
  type Rate,
  type RateBucket,
  type RateLimits,
} from './rateLimit/rateLimits';

/** The gateway's settings, read once from the environment at start-up. */
export interface GatewayConfig {
  host: string;
  port: number;
  /** Absolute path of the composed supergraph the gateway serves. */
  supergraphPath: string;
  logLevel: string;
  /** Human-readable log lines (`LOG_PRETTY`, or NODE_ENV=development). */
  logPretty: boolean;
  /** Where Prometheus scrapes `/metrics`: a port apart from the public one. */
  metrics: { host: string; port: number };
  /** Endpoints that replace the URLs written in the supergraph, by subgraph name. */
  subgraphUrls: Partial<Record<AgencyName, string>>;
  /** How the bearer tokens of clients are verified. */
  identity: ClientTokenOptions;
  /** The secret each subgraph's key for the gateway's calls is derived from (HMAC-SHA256). */
  tokenSecret: GatewayTokenSecret;
  /** How much one request may ask of the gateway. */
  limits: RequestLimits;
  /** How long each subgraph call may take before the gateway answers without it. */
  subgraphTimeouts: SubgraphTimeouts;
  /** The profile (`GOVGRAPH_PROFILE`) and what it shows: explorer, introspection, origins. */
  profile: ProfileSettings;
  /** The trusted documents manifest and the clients held to it, when one is configured. */
  trustedDocuments?: TrustedDocumentsOptions;
  /** How many requests each caller may make, counted in Redis when `REDIS_URL` is set. */
  rateLimits: RateLimits;
  /** The explorer's OpenID Connect client at `AUTH_ISSUER`, when it signs users in there. */
  explorerOpenId?: ExplorerOpenIdClient;
  /** Where spans are exported (the standard `OTEL_*` variables); absent when tracing is off. */
  tracing: TracingConfig | undefined;
}

/** The port of the gateway's Prometheus endpoint (the agencies' follow it: platform/agencies.ts). */
export const DEFAULT_METRICS_PORT = 9464;

/** The environment variable that overrides one agency's subgraph URL, e.g. `SUBGRAPH_URL_TAX`. */
export function subgraphUrlVariable(agency: AgencyName): SubgraphUrlVariable {
  return `SUBGRAPH_URL_${agency.toUpperCase() as Uppercase<AgencyName>}`;
}

type SubgraphUrlVariable = `SUBGRAPH_URL_${Uppercase<AgencyName>}`;

/** The variable for every subgraph's call timeout; `_<AGENCY>` after it sets one agency's. */
export const SUBGRAPH_TIMEOUT_VARIABLE = 'GATEWAY_SUBGRAPH_TIMEOUT_MS';

/** The variable that sets one agency's call timeout, e.g. `GATEWAY_SUBGRAPH_TIMEOUT_MS_TAX`. */
export function subgraphTimeoutVariable(agency: AgencyName): SubgraphTimeoutVariable {
  return `${SUBGRAPH_TIMEOUT_VARIABLE}_${agency.toUpperCase() as Uppercase<AgencyName>}`;
}

type SubgraphTimeoutVariable = `GATEWAY_SUBGRAPH_TIMEOUT_MS_${Uppercase<AgencyName>}`;

// docker-compose passes `VAR=` for a variable it has no value for; that means "not set".
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

/** The environment variable that sets each request limit. */
export const LIMIT_VARIABLES = {
  maxTokens: 'GATEWAY_MAX_TOKENS',
  maxDepth: 'GATEWAY_MAX_DEPTH',
  maxAliases: 'GATEWAY_MAX_ALIASES',
  maxDirectives: 'GATEWAY_MAX_DIRECTIVES',
  maxRootFields: 'GATEWAY_MAX_ROOT_FIELDS',
  maxFields: 'GATEWAY_MAX_FIELDS',
  maxCost: 'GATEWAY_MAX_COST',
  maxBodyBytes: 'GATEWAY_MAX_BODY_BYTES',
  maxVariablesBytes: 'GATEWAY_MAX_VARIABLES_BYTES',
} as const satisfies Record<keyof RequestLimits, string>;

type LimitVariable = (typeof LIMIT_VARIABLES)[keyof RequestLimits];

const limitField = (limit: keyof RequestLimits) =>
  z.preprocess(unsetIfEmpty, positiveIntField.default(DEFAULT_REQUEST_LIMITS[limit]));

const limitFields = Object.fromEntries(
  (Object.keys(LIMIT_VARIABLES) as (keyof RequestLimits)[]).map((limit) => [
    LIMIT_VARIABLES[limit],
    limitField(limit),
  ]),
) as Record<LimitVariable, ReturnType<typeof limitField>>;

// A call that may wait longer than five minutes is a hung connection, not a slow agency.
const timeoutMsField = positiveIntField.max(300_000, 'must be at most 300000 (five minutes)');
const agencyTimeoutField = z.preprocess(unsetIfEmpty, timeoutMsField.optional());

/** The environment variable that sets the rate of each kind of caller. */
export const RATE_VARIABLES = {
  public: 'RATE_LIMIT_PUBLIC',
  citizen: 'RATE_LIMIT_CITIZEN',
  client: 'RATE_LIMIT_CLIENT',
  organisation: 'RATE_LIMIT_ORGANISATION',
} as const satisfies Record<RateBucket, string>;

const RATE_FORMAT = 'must be <requests>/<seconds>s, e.g. 600/60s';

const rateField = (bucket: RateBucket) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default(formatRate(DEFAULT_RATES[bucket]))
      .transform((text, ctx) => parseRate(text) ?? (ctx.addIssue(RATE_FORMAT), z.NEVER)),
  );

const rateFields = Object.fromEntries(
  (Object.keys(RATE_VARIABLES) as RateBucket[]).map((bucket) => [
    RATE_VARIABLES[bucket],
    rateField(bucket),
  ]),
) as Record<(typeof RATE_VARIABLES)[RateBucket], ReturnType<typeof rateField>>;

/** `tax-board=12000/60s,demo-bank=300/60s`: organisations with a rate of their own. */
const organisationRatesField = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      const rates = new Map<string, Rate>();
      for (const entry of (text ?? '').split(',').filter((item) => item.trim() !== '')) {
        const [organisation = '', rateText = '', ...rest] = entry.split('=').map((p) => p.trim());
        const rate = parseRate(rateText);
        if (!isOrganisationCode(organisation) || !rate || rest.length > 0) {
          ctx.addIssue(
            `"${entry.trim()}" must be <organisation>=<requests>/<seconds>s, e.g. tax-board=12000/60s`,
          );
        } else if (rates.has(organisation)) {
          ctx.addIssue(`names ${organisation} twice`);
        } else rates.set(organisation, rate);
      }
      return rates;
    }),
);

const trustedProxiesField = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      const proxies = (text ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      try {
        proxyaddr.compile(proxies);
      } catch (error) {
        ctx.addIssue(
          `must be a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal (${(error as Error).message})`,
        );
      }
      return proxies;
    }),
);

const subgraphUrlField = z.preprocess(
  unsetIfEmpty,
  z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
);

const requiredText = (what: string) =>
  z.string({ error: `is required (${what})` }).min(1, `is required (${what})`);

const algorithmsField = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .transform((list) => list.split(',').map((name) => name.trim()))
    .pipe(
      z
        .array(
          z.enum(CLIENT_TOKEN_ALGORITHMS, {
            error: `must be a comma-separated list of ${CLIENT_TOKEN_ALGORITHMS.join(', ')}`,
          }),
        )
        .min(1),
    )
    .optional(),
);

// A week: a longer limit is most likely milliseconds given for seconds.
const MAX_TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600;

const tokenLifetimeField = (fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    positiveIntField
      .max(MAX_TOKEN_LIFETIME_SECONDS, `must be at most ${MAX_TOKEN_LIFETIME_SECONDS} (seconds)`)
      .default(fallback),
  );

const heldClientsField = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .transform((list) => list.split(',').map((name) => name.trim()))
    .pipe(
      z.array(
        z.string().refine(isClientName, {
          error: 'must be a comma-separated list of organisation codes or <organisation>/<subject>',
        }),
      ),
    )
    .optional(),
);

const gatewayEnvSchema = z
  .object({
    GATEWAY_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
    GATEWAY_PORT: portField.default(4000),
    SUPERGRAPH_PATH: z.string().min(1, 'must not be empty').optional(),
    LOG_LEVEL: logLevelField,
    LOG_PRETTY: logPrettyField,
    NODE_ENV: nodeEnvField,
    METRICS_HOST: metricsHostField,
    METRICS_PORT: z.preprocess(unsetIfEmpty, portField.default(DEFAULT_METRICS_PORT)),
    ...(Object.fromEntries(
      AGENCY_NAMES.map((agency) => [subgraphUrlVariable(agency), subgraphUrlField]),
    ) as Record<SubgraphUrlVariable, typeof subgraphUrlField>),
    AUTH_ISSUER: requiredText("the identity provider's issuer, the tokens' iss"),
    AUTH_AUDIENCE: requiredText("the tokens' aud for this gateway"),
    AUTH_JWKS_URL: z.preprocess(
      unsetIfEmpty,
      z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    ),
    AUTH_JWKS_FILE: jsonFileField(publicKeySet),
    AUTH_ALGORITHMS: algorithmsField,
    AUTH_MAX_TOKEN_LIFETIME_PERSON_SECONDS: tokenLifetimeField(DEFAULT_TOKEN_LIFETIMES.person),
    AUTH_MAX_TOKEN_LIFETIME_CLIENT_SECONDS: tokenLifetimeField(DEFAULT_TOKEN_LIFETIMES.client),
    GATEWAY_TOKEN_SECRET: inlineJsonField(gatewayTokenSecretFromJwk),
    GATEWAY_TOKEN_SECRET_FILE: jsonFileField(gatewayTokenSecretFromJwk),
    ROLE_GRANTS_FILE: jsonFileField(parseRoleGrants),
    TRUSTED_DOCUMENTS_FILE: z.preprocess(unsetIfEmpty, z.string().optional()),
    TRUSTED_DOCUMENTS_REQUIRED: heldClientsField,
    ...limitFields,
    [SUBGRAPH_TIMEOUT_VARIABLE]: z.preprocess(
      unsetIfEmpty,
      timeoutMsField.default(DEFAULT_SUBGRAPH_TIMEOUTS.defaultMs),
    ),
    ...(Object.fromEntries(
      AGENCY_NAMES.map((agency) => [subgraphTimeoutVariable(agency), agencyTimeoutField]),
    ) as Record<SubgraphTimeoutVariable, typeof agencyTimeoutField>),
    // Unset means production: a forgotten variable must not open the schema to everyone.
    ...profileEnvFields('production'),
    GATEWAY_ALLOW_DEMO_IDENTITY: z.preprocess(
      unsetIfEmpty,
      z.enum(['yes', 'no'], { error: 'must be yes or no' }).default('no'),
    ),
    REDIS_URL: z.preprocess(
      unsetIfEmpty,
      z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
    ),
    RATE_LIMIT_KEY_PREFIX: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^[\x21-\x7e]{1,64}$/, 'must be 1 to 64 printable characters without spaces')
        .default(DEFAULT_RATE_KEY_PREFIX),
    ),
    RATE_LIMIT_REDIS_TIMEOUT_MS: z.preprocess(
      unsetIfEmpty,
      positiveIntField.default(DEFAULT_RATE_STORE_TIMEOUT_MS),
    ),
    ...rateFields,
    RATE_LIMIT_ORGANISATIONS: organisationRatesField,
    GATEWAY_TRUSTED_PROXIES: trustedProxiesField,
    EXPLORER_OIDC_CLIENT_ID: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1 to 255 printable characters without spaces')
        .optional(),
    ),
    EXPLORER_OIDC_SCOPE: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .refine((scope) => scope.split(' ').includes('openid'), {
          error: 'must be space-separated scopes including openid',
        })
        .optional(),
    ),
  })
  .superRefine(metricsPortApartFrom('GATEWAY_PORT', 'public port'), { when: () => true })
  .superRefine(
    (env, ctx) => {
      if (env.EXPLORER_OIDC_SCOPE === undefined || env.EXPLORER_OIDC_CLIENT_ID !== undefined)
        return;
      ctx.addIssue({
        code: 'custom',
        path: ['EXPLORER_OIDC_SCOPE'],
        message: "is set without EXPLORER_OIDC_CLIENT_ID, the explorer's client at AUTH_ISSUER",
      });
    },
    { when: () => true },
  )
  .superRefine(
    (env, ctx) => {
      if (env.GOVGRAPH_PROFILE !== 'production' || env.GATEWAY_ALLOW_DEMO_IDENTITY === 'yes')
        return;
      if (!trustsDemoIdentityProvider(env.AUTH_ISSUER, env.AUTH_JWKS_FILE)) return;
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_ISSUER'],
        message:
          'trusts the demo identity provider, whose signing key is in the repository (anyone can mint its tokens); a production gateway refuses it unless GATEWAY_ALLOW_DEMO_IDENTITY=yes',
      });
    },
    { when: () => true },
  )
  .superRefine(
    (env, ctx) => {
      if (env.ROLE_GRANTS_FILE !== undefined) return;
      ctx.addIssue({
        code: 'custom',
        path: ['ROLE_GRANTS_FILE'],
        message:
          'is required (a JSON file saying which organisations may hold which roles, such as demo/roles.json)',
      });
    },
    { when: () => true },
  )
  .superRefine(
    (env, ctx) => {
      if (env.TRUSTED_DOCUMENTS_REQUIRED === undefined || env.TRUSTED_DOCUMENTS_FILE) return;
      ctx.addIssue({
        code: 'custom',
        path: ['TRUSTED_DOCUMENTS_FILE'],
        message: 'is required when TRUSTED_DOCUMENTS_REQUIRED holds clients to their documents',
      });
    },
    { when: () => true },
  )
  .superRefine(exactlyOneOf('AUTH_JWKS_URL', 'AUTH_JWKS_FILE'), { when: () => true })
  .superRefine(exactlyOneOf('GATEWAY_TOKEN_SECRET_FILE', 'GATEWAY_TOKEN_SECRET'), {
    when: () => true,
  });

/** Whether the issuer, or a key of the key set, is the demo identity provider's. */
function trustsDemoIdentityProvider(issuer: unknown, jwks: unknown): boolean {
  if (issuer === DEMO_IDENTITY_PROVIDER.issuer) return true;
  // Runs beside the fields' own checks, so a key set that failed them is passed over.
  const keys = (jwks as Partial<JSONWebKeySet> | undefined)?.keys;
  if (!Array.isArray(keys)) return false;
  const demoKeys = new Set(demoKeyMaterial());
  return keys.some((key) => demoKeys.has(publicKeyMaterial(key)));
}

// An image built without the demo keys cannot trust them by mistake.
function demoKeyMaterial(): string[] {
  try {
    return demoIdentityKeySet().keys.map(publicKeyMaterial);
  } catch {
    return [];
  }
}

const publicKeyMaterial = (key: JWK) => `${key.kty}:${key.crv ?? ''}:${key.x ?? key.n ?? ''}`;

/**
 * Reads and validates the gateway's environment; every problem is reported at once. The
 * gateway does not start without a way to verify clients and a key to sign with.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const parsed = loadConfig('gateway', gatewayEnvSchema, env);
  const tracing = loadTracingConfig('gateway', 'govgraph-gateway', env);
  const subgraphUrls: Partial<Record<AgencyName, string>> = {};
  const timeoutBySubgraph: Partial<Record<AgencyName, number>> = {};
  for (const agency of AGENCY_NAMES) {
    const url = parsed[subgraphUrlVariable(agency)];
    if (typeof url === 'string') subgraphUrls[agency] = url;
    const timeout = parsed[subgraphTimeoutVariable(agency)];
    if (typeof timeout === 'number') timeoutBySubgraph[agency] = timeout;
  }
  const jwks = parsed.AUTH_JWKS_FILE;
  return {
    tracing,
    host: parsed.GATEWAY_HOST,
    port: parsed.GATEWAY_PORT,
    supergraphPath: resolve(
      parsed.SUPERGRAPH_PATH ?? join(repoRoot(), 'schema', 'supergraph.graphql'),
    ),
    logLevel: parsed.LOG_LEVEL,
    logPretty: logPretty(parsed.LOG_PRETTY, parsed.NODE_ENV),
    metrics: { host: parsed.METRICS_HOST, port: parsed.METRICS_PORT },
    subgraphUrls,
    identity: {
      issuer: parsed.AUTH_ISSUER,
      audience: parsed.AUTH_AUDIENCE,
      keys: jwks ? { jwks } : { jwksUrl: parsed.AUTH_JWKS_URL! },
      ...(parsed.AUTH_ALGORITHMS
        ? { algorithms: parsed.AUTH_ALGORITHMS as ClientTokenAlgorithm[] }
        : {}),
      roleGrants: parsed.ROLE_GRANTS_FILE!,
      maxLifetimes: {
        person: parsed.AUTH_MAX_TOKEN_LIFETIME_PERSON_SECONDS,
        client: parsed.AUTH_MAX_TOKEN_LIFETIME_CLIENT_SECONDS,
      },
    },
    tokenSecret: (parsed.GATEWAY_TOKEN_SECRET_FILE ?? parsed.GATEWAY_TOKEN_SECRET)!,
    limits: Object.fromEntries(
      (Object.keys(LIMIT_VARIABLES) as (keyof RequestLimits)[]).map((limit) => [
        limit,
        parsed[LIMIT_VARIABLES[limit]],
      ]),
    ) as unknown as RequestLimits,
    subgraphTimeouts: {
      defaultMs: parsed[SUBGRAPH_TIMEOUT_VARIABLE],
      bySubgraph: timeoutBySubgraph,
    },
    profile: profileSettingsFromEnv(parsed, parsed.GATEWAY_PORT),
    ...(parsed.TRUSTED_DOCUMENTS_FILE
      ? {
          trustedDocuments: {
            path: resolve(parsed.TRUSTED_DOCUMENTS_FILE),
            heldClients: parsed.TRUSTED_DOCUMENTS_REQUIRED ?? [],
          },
        }
      : {}),
    ...(parsed.EXPLORER_OIDC_CLIENT_ID
      ? {
          explorerOpenId: {
            clientId: parsed.EXPLORER_OIDC_CLIENT_ID,
            scope: parsed.EXPLORER_OIDC_SCOPE ?? 'openid profile',
          },
        }
      : {}),
    rateLimits: {
      public: parsed.RATE_LIMIT_PUBLIC,
      citizen: parsed.RATE_LIMIT_CITIZEN,
      client: parsed.RATE_LIMIT_CLIENT,
      organisation: parsed.RATE_LIMIT_ORGANISATION,
      organisations: parsed.RATE_LIMIT_ORGANISATIONS,
      trustedProxies: parsed.GATEWAY_TRUSTED_PROXIES,
      ...(parsed.REDIS_URL
        ? {
            store: {
              redisUrl: parsed.REDIS_URL,
              keyPrefix: parsed.RATE_LIMIT_KEY_PREFIX,
              timeoutMs: parsed.RATE_LIMIT_REDIS_TIMEOUT_MS,
            },
          }
        : {}),
    },
  };
}
