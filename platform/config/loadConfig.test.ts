import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSubgraphConfig } from '../subgraph/subgraphConfig';
import { ConfigError } from './loadConfig';
import { accessLogPrivateKeyFile, demoKeysDirectory } from '../witness/accessLogKeys';

const ACCESS_LOG_SIGNING_KEY_FILE = accessLogPrivateKeyFile(demoKeysDirectory(), 'tax');

const STATISTICS_PSEUDONYM_SECRET_FILE = path.join(
  demoKeysDirectory(),
  'statistics-pseudonym.secret',
);

/** The tax subgraph's key for the gateway's tokens, inline. */
const GATEWAY_TOKEN_KEY = readFileSync(
  path.join(demoKeysDirectory(), 'gateway-token-tax.jwk.json'),
  'utf8',
);

describe('configuration from the environment', () => {
  it('applies defaults for what is optional', () => {
    expect(
      loadSubgraphConfig('tax', {
        DATABASE_URL: 'postgres://db/x',
        GATEWAY_TOKEN_KEY,
        ACCESS_LOG_SIGNING_KEY_FILE,
        STATISTICS_PSEUDONYM_SECRET_FILE,
      }),
    ).toEqual({
      databaseUrl: 'postgres://db/x',
      host: '127.0.0.1',
      port: 4002,
      poolSize: 10,
      logLevel: 'info',
      logPretty: false,
      metrics: { host: '127.0.0.1', port: 9466 },
      gatewayTokenKeys: [expect.objectContaining({ kid: 'demo-gateway-1', audience: 'tax' })],
      pageCursorKey: undefined,
      accessLogSigner: expect.objectContaining({ agency: 'tax', keyId: 'demo-access-log-tax-1' }),
      witnessIntervalMs: 5000,
      witnessFile: undefined,
      policyMaxStalenessMs: 30000,
      statisticsSecret: expect.any(Buffer),
    });
  });

  it('serves metrics apart from the GraphQL port, and logs pretty lines in development only', () => {
    const env = {
      DATABASE_URL: 'postgres://db/x',
      GATEWAY_TOKEN_KEY,
      ACCESS_LOG_SIGNING_KEY_FILE,
      STATISTICS_PSEUDONYM_SECRET_FILE,
    };
    expect(() => loadSubgraphConfig('tax', { ...env, PORT: '4002', METRICS_PORT: '4002' })).toThrow(
      /METRICS_PORT: must differ from PORT/,
    );
    expect(() => loadSubgraphConfig('tax', { ...env, METRICS_PORT: 'nine' })).toThrow(
      /METRICS_PORT: must be a port number/,
    );
    expect(() => loadSubgraphConfig('tax', { ...env, LOG_PRETTY: 'yes' })).toThrow(
      /LOG_PRETTY: must be true or false/,
    );
    expect(loadSubgraphConfig('tax', { ...env, NODE_ENV: 'development' }).logPretty).toBe(true);
    expect(
      loadSubgraphConfig('tax', { ...env, NODE_ENV: 'development', LOG_PRETTY: 'false' }).logPretty,
    ).toBe(false);
    expect(
      loadSubgraphConfig('tax', { ...env, METRICS_HOST: '0.0.0.0', METRICS_PORT: '9500' }).metrics,
    ).toEqual({ host: '0.0.0.0', port: 9500 });
  });

  it('gives every agency holding statistics the pseudonym secret, and refuses it to governance', () => {
    const common = { DATABASE_URL: 'postgres://db/x', GATEWAY_TOKEN_KEY };
    expect(() => loadSubgraphConfig('tax', { ...common, ACCESS_LOG_SIGNING_KEY_FILE })).toThrow(
      /STATISTICS_PSEUDONYM_SECRET: is required/,
    );
    expect(() =>
      loadSubgraphConfig('tax', {
        ...common,
        ACCESS_LOG_SIGNING_KEY_FILE,
        STATISTICS_PSEUDONYM_SECRET: 'c2hvcnQ',
      }),
    ).toThrow(/STATISTICS_PSEUDONYM_SECRET: must be at least 32 bytes/);
    expect(() =>
      loadSubgraphConfig('governance', {
        ...common,
        ACCESS_LOG_SIGNING_KEY_FILE: accessLogPrivateKeyFile(demoKeysDirectory(), 'governance'),
        STATISTICS_PSEUDONYM_SECRET_FILE,
      }),
    ).toThrow(/STATISTICS_PSEUDONYM_SECRET: must not be given to the governance service/);
  });

  it('refuses a policy staleness longer than ten minutes', () => {
    expect(() =>
      loadSubgraphConfig('tax', {
        DATABASE_URL: 'postgres://db/x',
        GATEWAY_TOKEN_KEY,
        ACCESS_LOG_SIGNING_KEY_FILE,
        STATISTICS_PSEUDONYM_SECRET_FILE,
        POLICY_MAX_STALENESS_MS: '3600000',
      }),
    ).toThrow(/POLICY_MAX_STALENESS_MS.*ten minutes/s);
  });

  it('names every wrong or missing variable at once', () => {
    const load = () =>
      loadSubgraphConfig('tax', {
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        ACCESS_LOG_WITNESS_INTERVAL_MS: '0',
      });
    expect(load).toThrow(ConfigError);
    const message = (() => {
      try {
        load();
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/^tax subgraph: invalid configuration/);
    expect(message).toMatch(/DATABASE_URL: is required/);
    expect(message).toMatch(/PORT: must be a port number/);
    expect(message).toMatch(/LOG_LEVEL:/);
    expect(message).toMatch(/GATEWAY_TOKEN_KEY: is required \(or GATEWAY_TOKEN_KEY_FILE\)/);
    expect(message).toMatch(
      /ACCESS_LOG_SIGNING_KEY_FILE: is required \(or ACCESS_LOG_SIGNING_KEY\)/,
    );
    expect(message).toMatch(/ACCESS_LOG_WITNESS_INTERVAL_MS: must be greater than zero/);
  });
});
