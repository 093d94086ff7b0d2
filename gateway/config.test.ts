import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '../platform/config/loadConfig';
import { loadGatewayConfig } from './config';
import { DEFAULT_REQUEST_LIMITS } from './limits/requestLimits';
import { profileDefaults } from './profiles/profileSettings';
import { DEFAULT_RATES } from './rateLimit/rateLimits';

const REPO_ROOT = resolve(__dirname, '..');
const DEMO_KEYS = resolve(REPO_ROOT, 'demo', 'keys');
const demoKey = (file: string) => resolve(DEMO_KEYS, file);

const PRIVATE_KEY_SET = join(mkdtempSync(join(tmpdir(), 'govgraph-config-')), 'jwks.json');
writeFileSync(
  PRIVATE_KEY_SET,
  JSON.stringify({
    keys: [JSON.parse(readFileSync(demoKey('demo-idp.private.jwk.json'), 'utf8'))],
  }),
);

/** A key set of an identity provider other than the demo's, which production refuses. */
const PROVIDER_KEY_SET = join(mkdtempSync(join(tmpdir(), 'govgraph-config-')), 'jwks.json');
const PROVIDER_KEYS = {
  keys: [
    { ...generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }), kid: 'provider-1' },
  ],
};
writeFileSync(PROVIDER_KEY_SET, JSON.stringify(PROVIDER_KEYS));

/** The least a gateway starts with: who issues client tokens, their keys, and its token secret. */
const IDENTITY_ENV = {
  AUTH_ISSUER: 'https://login.gov.example',
  AUTH_AUDIENCE: 'govgraph',
  AUTH_JWKS_FILE: PROVIDER_KEY_SET,
  GATEWAY_TOKEN_SECRET_FILE: demoKey('gateway-token.secret.jwk.json'),
  ROLE_GRANTS_FILE: resolve(REPO_ROOT, 'demo', 'roles.json'),
};

const DIRECTORY = mkdtempSync(join(tmpdir(), 'govgraph-roles-'));
function roleGrantsFile(json: unknown): string {
  const file = join(DIRECTORY, `roles-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

test('metrics are served apart from the public port; pretty logs are for development', () => {
  expect(() => loadGatewayConfig({ ...IDENTITY_ENV, GATEWAY_PORT: '9464' })).toThrow(
    /METRICS_PORT: must differ from GATEWAY_PORT/,
  );
  expect(() => loadGatewayConfig({ ...IDENTITY_ENV, METRICS_PORT: '70000' })).toThrow(
    /METRICS_PORT: must be between 0 and 65535/,
  );
  expect(() => loadGatewayConfig({ ...IDENTITY_ENV, LOG_PRETTY: 'on' })).toThrow(
    /LOG_PRETTY: must be true or false/,
  );
  expect(loadGatewayConfig({ ...IDENTITY_ENV, NODE_ENV: 'development' }).logPretty).toBe(true);
  expect(loadGatewayConfig({ ...IDENTITY_ENV, LOG_PRETTY: 'true' }).logPretty).toBe(true);
  expect(
    loadGatewayConfig({ ...IDENTITY_ENV, METRICS_HOST: '0.0.0.0', METRICS_PORT: '9100' }).metrics,
  ).toEqual({ host: '0.0.0.0', port: 9100 });
});

test('defaults describe a production gateway on localhost:4000 serving the checked-in supergraph', () => {
  const config = loadGatewayConfig(IDENTITY_ENV);

  expect(config).toEqual({
    host: '127.0.0.1',
    port: 4000,
    supergraphPath: resolve(REPO_ROOT, 'schema', 'supergraph.graphql'),
    logLevel: 'info',
    logPretty: false,
    metrics: { host: '127.0.0.1', port: 9464 },
    subgraphUrls: {},
    identity: {
      issuer: 'https://login.gov.example',
      audience: 'govgraph',
      keys: { jwks: PROVIDER_KEYS },
      roleGrants: expect.any(Map),
      maxLifetimes: { person: 43200, client: 3600 },
    },
    tokenSecret: expect.anything(),
    limits: DEFAULT_REQUEST_LIMITS,
    subgraphTimeouts: { defaultMs: 30000, bySubgraph: {} },
    profile: {
      profile: 'production',
      explorer: false,
      introspection: 'organisations',
      fieldSuggestions: false,
      requestIdInErrors: true,
      corsOrigins: [],
      getQueries: false,
    },
    // Requests per minute, in this replica's memory: no Redis unless REDIS_URL is set.
    rateLimits: {
      public: { requests: 60, windowSeconds: 60 },
      citizen: { requests: 120, windowSeconds: 60 },
      client: { requests: 600, windowSeconds: 60 },
      organisation: { requests: 3000, windowSeconds: 60 },
      organisations: new Map(),
      trustedProxies: [],
    },
  });
  expect([...config.identity.roleGrants.get('governance-admin')!]).toEqual([
    'information-system-authority',
  ]);
  expect(config.tokenSecret.kid).toBe('demo-gateway-1');
  expect(config.tokenSecret.secret).toHaveLength(32);
});

test('every variable can be set', () => {
  expect(
    loadGatewayConfig({
      GATEWAY_HOST: '0.0.0.0',
      GATEWAY_PORT: '8080',
      SUPERGRAPH_PATH: 'build/supergraph.graphql',
      LOG_LEVEL: 'debug',
      SUBGRAPH_URL_POPULATION: 'http://population:4001/graphql',
      SUBGRAPH_URL_BUSINESS: 'https://business.internal/graphql',
      SUBGRAPH_URL_TAX: '',
      AUTH_ISSUER: 'https://login.gov.example',
      AUTH_AUDIENCE: 'data-exchange',
      AUTH_JWKS_URL: 'https://login.gov.example/.well-known/jwks.json',
      AUTH_JWKS_FILE: '',
      AUTH_ALGORITHMS: 'ES256, PS256',
      AUTH_MAX_TOKEN_LIFETIME_PERSON_SECONDS: '28800',
      AUTH_MAX_TOKEN_LIFETIME_CLIENT_SECONDS: '',
      GATEWAY_TOKEN_SECRET: readFileSync(demoKey('gateway-token.secret.jwk.json'), 'utf8'),
      ROLE_GRANTS_FILE: IDENTITY_ENV.ROLE_GRANTS_FILE,
      GATEWAY_MAX_TOKENS: '2000',
      GATEWAY_MAX_DEPTH: '8',
      GATEWAY_MAX_ALIASES: '10',
      GATEWAY_MAX_DIRECTIVES: '20',
      GATEWAY_MAX_ROOT_FIELDS: '5',
      GATEWAY_MAX_COST: '5000',
      GATEWAY_MAX_BODY_BYTES: '65536',
      GATEWAY_MAX_VARIABLES_BYTES: '',
      GATEWAY_SUBGRAPH_TIMEOUT_MS: '2000',
      GATEWAY_SUBGRAPH_TIMEOUT_MS_TAX: '8000',
      GATEWAY_SUBGRAPH_TIMEOUT_MS_HEALTH: '',
      GOVGRAPH_PROFILE: 'production',
      GATEWAY_EXPLORER: 'on',
      GATEWAY_INTROSPECTION: 'everyone',
      GATEWAY_FIELD_SUGGESTIONS: 'on',
      GATEWAY_ERROR_REQUEST_IDS: 'off',
      GATEWAY_CORS_ORIGINS: 'https://portal.gov.example, http://localhost:3000',
      GATEWAY_ALLOW_DEMO_IDENTITY: 'no',
      GATEWAY_GET_QUERIES: 'on',
      REDIS_URL: 'redis://:secret@redis:6379/2',
      RATE_LIMIT_KEY_PREFIX: 'gw-eu',
      RATE_LIMIT_REDIS_TIMEOUT_MS: '250',
      RATE_LIMIT_PUBLIC: '30/60s',
      RATE_LIMIT_CITIZEN: '1000/3600s',
      RATE_LIMIT_CLIENT: '',
      RATE_LIMIT_ORGANISATION: '10000/60s',
      RATE_LIMIT_ORGANISATIONS: 'tax-board=20000/60s, demo-bank = 100/1s',
      GATEWAY_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8,2001:db8::1',
      LOG_PRETTY: 'true',
      NODE_ENV: 'production',
      METRICS_HOST: '0.0.0.0',
      METRICS_PORT: '9090',
    }),
  ).toEqual({
    host: '0.0.0.0',
    port: 8080,
    supergraphPath: resolve('build/supergraph.graphql'),
    logLevel: 'debug',
    logPretty: true,
    metrics: { host: '0.0.0.0', port: 9090 },
    subgraphUrls: {
      population: 'http://population:4001/graphql',
      business: 'https://business.internal/graphql',
    },
    identity: {
      issuer: 'https://login.gov.example',
      audience: 'data-exchange',
      keys: { jwksUrl: 'https://login.gov.example/.well-known/jwks.json' },
      algorithms: ['ES256', 'PS256'],
      roleGrants: expect.any(Map),
      maxLifetimes: { person: 28800, client: 3600 },
    },
    tokenSecret: expect.objectContaining({ kid: 'demo-gateway-1' }),
    limits: {
      maxTokens: 2000,
      maxDepth: 8,
      maxAliases: 10,
      maxDirectives: 20,
      maxRootFields: 5,
      maxFields: DEFAULT_REQUEST_LIMITS.maxFields,
      maxCost: 5000,
      maxBodyBytes: 65536,
      maxVariablesBytes: DEFAULT_REQUEST_LIMITS.maxVariablesBytes,
    },
    subgraphTimeouts: { defaultMs: 2000, bySubgraph: { tax: 8000 } },
    profile: {
      profile: 'production',
      explorer: true,
      introspection: 'everyone',
      fieldSuggestions: true,
      requestIdInErrors: false,
      corsOrigins: ['https://portal.gov.example', 'http://localhost:3000'],
      getQueries: true,
    },
    rateLimits: {
      public: { requests: 30, windowSeconds: 60 },
      citizen: { requests: 1000, windowSeconds: 3600 },
      client: DEFAULT_RATES.client,
      organisation: { requests: 10000, windowSeconds: 60 },
      organisations: new Map([
        ['tax-board', { requests: 20000, windowSeconds: 60 }],
        ['demo-bank', { requests: 100, windowSeconds: 1 }],
      ]),
      trustedProxies: ['loopback', '10.0.0.0/8', '2001:db8::1'],
      store: { redisUrl: 'redis://:secret@redis:6379/2', keyPrefix: 'gw-eu', timeoutMs: 250 },
    },
  });
});

/** The message of the ConfigError the environment causes. */
function problemsWith(env: NodeJS.ProcessEnv): string {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the environment was accepted');
}

test('without identity settings and a token secret the gateway does not start', () => {
  const message = problemsWith({});

  expect(message).toContain('AUTH_ISSUER: is required');
  expect(message).toContain('AUTH_AUDIENCE: is required');
  expect(message).toContain('AUTH_JWKS_URL: is required (or AUTH_JWKS_FILE)');
  expect(message).toContain('GATEWAY_TOKEN_SECRET_FILE: is required (or GATEWAY_TOKEN_SECRET)');
  expect(message).toContain(
    'ROLE_GRANTS_FILE: is required (a JSON file saying which organisations may hold which roles',
  );
});

test('a role grants file is checked at start-up, every problem named', () => {
  const message = problemsWith({
    ...IDENTITY_ENV,
    ROLE_GRANTS_FILE: roleGrantsFile({
      roles: {
        'governance-admin': [],
        'Data Controller': ['tax-board'],
        'data-controller': ['tax-board', 'Tax Board', 'tax-board'],
      },
      extra: true,
    }),
  });
  expect(message).toContain('ROLE_GRANTS_FILE: role grants:');
  expect(message).toContain('roles.governance-admin must name at least one organisation');
  expect(message).toContain('roles.Data Controller is not a role name');
  expect(message).toContain('roles.data-controller.1 must be an organisation code');
  expect(message).toContain('roles.data-controller lists tax-board twice');
  expect(message).toContain('extra');
  expect(message).not.toContain('ROLE_GRANTS_FILE: is required');
});

test('every wrong value is reported at once, by variable name', () => {
  const message = problemsWith({
    ...IDENTITY_ENV,
    GATEWAY_PORT: 'eighty',
    LOG_LEVEL: 'loud',
    SUBGRAPH_URL_HEALTH: 'health:4004',
    SUBGRAPH_URL_TRANSPORT: 'ftp://transport/graphql',
    AUTH_ALGORITHMS: 'EdDSA,none',
    AUTH_JWKS_URL: 'https://idp.example/jwks.json',
    GATEWAY_TOKEN_SECRET_FILE: '/nonexistent/gateway.jwk.json',
    GATEWAY_MAX_DEPTH: '0',
    GATEWAY_MAX_COST: 'lots',
    GATEWAY_SUBGRAPH_TIMEOUT_MS: '0',
    GATEWAY_SUBGRAPH_TIMEOUT_MS_POPULATION: '600000',
    AUTH_MAX_TOKEN_LIFETIME_PERSON_SECONDS: '43200000',
    AUTH_MAX_TOKEN_LIFETIME_CLIENT_SECONDS: '0',
  });

  expect(message).toContain('GATEWAY_PORT: must be a port number');
  expect(message).toContain('LOG_LEVEL:');
  expect(message).toContain('SUBGRAPH_URL_HEALTH: must be an http:// or https:// URL');
  expect(message).toContain('SUBGRAPH_URL_TRANSPORT: must be an http:// or https:// URL');
  expect(message).toMatch(/AUTH_ALGORITHMS\.1: must be a comma-separated list of EdDSA, /);
  expect(message).toContain('AUTH_JWKS_URL: set AUTH_JWKS_URL or AUTH_JWKS_FILE, not both');
  expect(message).toContain(
    'GATEWAY_TOKEN_SECRET_FILE: cannot read /nonexistent/gateway.jwk.json: ENOENT',
  );
  expect(message).toContain('GATEWAY_MAX_DEPTH: must be greater than zero');
  expect(message).toContain('GATEWAY_MAX_COST: must be a number');
  expect(message).toContain('GATEWAY_SUBGRAPH_TIMEOUT_MS: must be greater than zero');
  expect(message).toContain(
    'GATEWAY_SUBGRAPH_TIMEOUT_MS_POPULATION: must be at most 300000 (five minutes)',
  );
  expect(message).toContain(
    'AUTH_MAX_TOKEN_LIFETIME_PERSON_SECONDS: must be at most 604800 (seconds)',
  );
  expect(message).toContain('AUTH_MAX_TOKEN_LIFETIME_CLIENT_SECONDS: must be greater than zero');
});

test('rate limit settings are checked, every problem named', () => {
  const message = problemsWith({
    ...IDENTITY_ENV,
    REDIS_URL: 'http://redis:6379',
    RATE_LIMIT_KEY_PREFIX: 'two words',
    RATE_LIMIT_REDIS_TIMEOUT_MS: '0',
    RATE_LIMIT_PUBLIC: '60',
    RATE_LIMIT_CITIZEN: '0/60s',
    RATE_LIMIT_CLIENT: '600/1m',
    RATE_LIMIT_ORGANISATIONS: 'tax-board=1/1s,Tax Board=5/60s,demo-bank,tax-board=2/1s',
    GATEWAY_TRUSTED_PROXIES: 'loopback,proxy.internal',
  });

  expect(message).toContain('REDIS_URL: must be a redis:// or rediss:// URL');
  expect(message).toContain('RATE_LIMIT_KEY_PREFIX: must be 1 to 64 printable characters');
  expect(message).toContain('RATE_LIMIT_REDIS_TIMEOUT_MS: must be greater than zero');
  for (const variable of ['RATE_LIMIT_PUBLIC', 'RATE_LIMIT_CITIZEN', 'RATE_LIMIT_CLIENT'])
    expect(message).toContain(`${variable}: must be <requests>/<seconds>s, e.g. 600/60s`);
  expect(message).not.toContain('RATE_LIMIT_ORGANISATION:');
  expect(message).toContain(
    'RATE_LIMIT_ORGANISATIONS: "Tax Board=5/60s" must be <organisation>=<requests>/<seconds>s',
  );
  expect(message).toContain('RATE_LIMIT_ORGANISATIONS: "demo-bank" must be');
  expect(message).toContain('RATE_LIMIT_ORGANISATIONS: names tax-board twice');
  expect(message).toContain('GATEWAY_TRUSTED_PROXIES: must be a comma-separated list');
});

test.each([
  [
    "a subgraph's key to sign with",
    { GATEWAY_TOKEN_SECRET_FILE: demoKey('gateway-token-tax.jwk.json') },
    "GATEWAY_TOKEN_SECRET_FILE: must be the gateway's token secret",
  ],
  [
    'a key set holding a private key',
    { AUTH_JWKS_FILE: PRIVATE_KEY_SET },
    'AUTH_JWKS_FILE: must hold public keys only',
  ],
  [
    'a single key instead of a key set',
    { AUTH_JWKS_FILE: demoKey('access-log-tax.private.jwk.json') },
    'AUTH_JWKS_FILE: must be a JSON Web Key Set',
  ],
  [
    'a key that is not JSON',
    { GATEWAY_TOKEN_SECRET_FILE: undefined, GATEWAY_TOKEN_SECRET: 'secret' },
    'GATEWAY_TOKEN_SECRET: is not valid JSON',
  ],
  [
    'a fractional limit',
    { GATEWAY_MAX_BODY_BYTES: '1.5' },
    'GATEWAY_MAX_BODY_BYTES: must be a whole number',
  ],
])('%s is refused', (_case, overrides, problem) => {
  expect(problemsWith({ ...IDENTITY_ENV, ...overrides })).toContain(problem);
});

describe('profiles', () => {
  test('the demo profile shows the explorer, the schema and suggestions, and allows its own origin', () => {
    const config = loadGatewayConfig({
      ...IDENTITY_ENV,
      GOVGRAPH_PROFILE: 'demo',
      GATEWAY_PORT: '4100',
    });
    expect(config.profile).toEqual({
      profile: 'demo',
      explorer: true,
      introspection: 'everyone',
      fieldSuggestions: true,
      requestIdInErrors: false,
      corsOrigins: ['http://localhost:4100', 'http://127.0.0.1:4100'],
      getQueries: true,
    });
    expect(config.profile).toEqual(profileDefaults('demo', 4100));
  });

  test('each setting is overridden on its own, the others keep the profile default', () => {
    const config = loadGatewayConfig({ ...IDENTITY_ENV, GATEWAY_EXPLORER: 'on' });
    expect(config.profile).toEqual({ ...profileDefaults('production', 4000), explorer: true });
    expect(
      loadGatewayConfig({ ...IDENTITY_ENV, GOVGRAPH_PROFILE: 'demo', GATEWAY_CORS_ORIGINS: 'none' })
        .profile.corsOrigins,
    ).toEqual([]);
  });

  test('an unknown profile stops start-up, naming the choices', () => {
    expect(problemsWith({ ...IDENTITY_ENV, GOVGRAPH_PROFILE: 'staging' })).toContain(
      'GOVGRAPH_PROFILE: must be demo or production',
    );
  });

  test('every wrong profile setting is reported at once', () => {
    const message = problemsWith({
      ...IDENTITY_ENV,
      GOVGRAPH_PROFILE: 'Production',
      GATEWAY_EXPLORER: 'yes',
      GATEWAY_INTROSPECTION: 'citizens',
      GATEWAY_FIELD_SUGGESTIONS: 'true',
      GATEWAY_ERROR_REQUEST_IDS: '1',
      GATEWAY_CORS_ORIGINS: 'https://ok.example,*,https://app.example/,http://x.example/path,null',
    });
    expect(message).toContain('GOVGRAPH_PROFILE: must be demo or production');
    expect(message).toContain('GATEWAY_EXPLORER: must be on or off');
    expect(message).toContain('GATEWAY_INTROSPECTION: must be everyone or organisations');
    expect(message).toContain('GATEWAY_FIELD_SUGGESTIONS: must be on or off');
    expect(message).toContain('GATEWAY_ERROR_REQUEST_IDS: must be on or off');
    for (const origin of ['*', 'https://app.example/', 'http://x.example/path', 'null'])
      expect(message).toContain(`GATEWAY_CORS_ORIGINS: "${origin}" is not an exact origin`);
    expect(message).not.toContain('"https://ok.example" is not');
  });

  describe('the demo identity provider', () => {
    const DEMO_IDENTITY = {
      ...IDENTITY_ENV,
      AUTH_ISSUER: 'https://idp.demo.govgraph',
      AUTH_JWKS_FILE: demoKey('demo-idp.jwks.json'),
    };
    const REFUSAL = 'AUTH_ISSUER: trusts the demo identity provider';

    test('is refused in production: anyone can mint its tokens', () => {
      expect(problemsWith(DEMO_IDENTITY)).toContain(REFUSAL);
      expect(
        problemsWith({ ...DEMO_IDENTITY, AUTH_ISSUER: 'https://idp.other.example' }),
      ).toContain(REFUSAL);
      expect(problemsWith({ ...IDENTITY_ENV, AUTH_ISSUER: 'https://idp.demo.govgraph' })).toContain(
        REFUSAL,
      );
    });

    test('is accepted in production when allowed in so many words, and in the demo', () => {
      expect(
        loadGatewayConfig({ ...DEMO_IDENTITY, GATEWAY_ALLOW_DEMO_IDENTITY: 'yes' }).identity.issuer,
      ).toBe('https://idp.demo.govgraph');
      expect(
        loadGatewayConfig({ ...DEMO_IDENTITY, GOVGRAPH_PROFILE: 'demo' }).profile.profile,
      ).toBe('demo');
      expect(problemsWith({ ...DEMO_IDENTITY, GATEWAY_ALLOW_DEMO_IDENTITY: 'sure' })).toContain(
        'GATEWAY_ALLOW_DEMO_IDENTITY: must be yes or no',
      );
    });
  });
});

describe('trusted documents', () => {
  test('are off unless a manifest is named', () => {
    expect(loadGatewayConfig(IDENTITY_ENV).trustedDocuments).toBeUndefined();
  });

  test('name a manifest and the clients held to it', () => {
    expect(
      loadGatewayConfig({
        ...IDENTITY_ENV,
        TRUSTED_DOCUMENTS_FILE: 'schema/trusted-documents.json',
        TRUSTED_DOCUMENTS_REQUIRED: 'demo-bank, police/traffic-camera',
      }).trustedDocuments,
    ).toEqual({
      path: resolve('schema/trusted-documents.json'),
      heldClients: ['demo-bank', 'police/traffic-camera'],
    });
    expect(
      loadGatewayConfig({ ...IDENTITY_ENV, TRUSTED_DOCUMENTS_FILE: 'x.json' }).trustedDocuments,
    ).toEqual({ path: resolve('x.json'), heldClients: [] });
  });

  test('hold no one without a manifest, and only clients by name', () => {
    const message = problemsWith({
      ...IDENTITY_ENV,
      TRUSTED_DOCUMENTS_REQUIRED: 'demo-bank,Demo Bank',
    });
    expect(message).toContain(
      'TRUSTED_DOCUMENTS_REQUIRED.1: must be a comma-separated list of organisation codes or <organisation>/<subject>',
    );
    expect(message).toContain(
      'TRUSTED_DOCUMENTS_FILE: is required when TRUSTED_DOCUMENTS_REQUIRED holds clients to their documents',
    );
  });
});

describe("the explorer's OpenID Connect client", () => {
  test('is none unless a client id is given', () => {
    expect(loadGatewayConfig(IDENTITY_ENV).explorerOpenId).toBeUndefined();
  });

  test('takes the client id, and asks for openid and profile unless told other scopes', () => {
    expect(
      loadGatewayConfig({ ...IDENTITY_ENV, EXPLORER_OIDC_CLIENT_ID: 'govgraph-explorer' })
        .explorerOpenId,
    ).toEqual({ clientId: 'govgraph-explorer', scope: 'openid profile' });
    expect(
      loadGatewayConfig({
        ...IDENTITY_ENV,
        EXPLORER_OIDC_CLIENT_ID: 'govgraph-explorer',
        EXPLORER_OIDC_SCOPE: 'openid email',
      }).explorerOpenId,
    ).toEqual({ clientId: 'govgraph-explorer', scope: 'openid email' });
  });

  test('a client id with spaces, scopes without openid, or scopes without a client stop start-up', () => {
    const message = problemsWith({
      ...IDENTITY_ENV,
      EXPLORER_OIDC_CLIENT_ID: 'gov graph',
      EXPLORER_OIDC_SCOPE: 'profile email',
    });
    expect(message).toContain(
      'EXPLORER_OIDC_CLIENT_ID: must be 1 to 255 printable characters without spaces',
    );
    expect(message).toContain(
      'EXPLORER_OIDC_SCOPE: must be space-separated scopes including openid',
    );
    expect(problemsWith({ ...IDENTITY_ENV, EXPLORER_OIDC_SCOPE: 'openid' })).toContain(
      "EXPLORER_OIDC_SCOPE: is set without EXPLORER_OIDC_CLIENT_ID, the explorer's client at AUTH_ISSUER",
    );
  });
});
