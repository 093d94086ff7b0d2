import { resolve } from 'node:path';
import { ConfigError } from '../platform/config/loadConfig';
import { loadGatewayConfig } from './config';

const REPO_ROOT = resolve(__dirname, '..');

test('defaults describe a gateway on localhost:4000 serving the checked-in supergraph', () => {
  expect(loadGatewayConfig({})).toEqual({
    host: '127.0.0.1',
    port: 4000,
    supergraphPath: resolve(REPO_ROOT, 'schema', 'supergraph.graphql'),
    logLevel: 'info',
    subgraphUrls: {},
  });
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
    }),
  ).toEqual({
    host: '0.0.0.0',
    port: 8080,
    supergraphPath: resolve('build/supergraph.graphql'),
    logLevel: 'debug',
    subgraphUrls: {
      population: 'http://population:4001/graphql',
      business: 'https://business.internal/graphql',
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

test('every wrong value is reported at once, by variable name', () => {
  const message = problemsWith({
    GATEWAY_PORT: 'eighty',
    LOG_LEVEL: 'loud',
    SUBGRAPH_URL_HEALTH: 'health:4004',
    SUBGRAPH_URL_TRANSPORT: 'ftp://transport/graphql',
  });

  expect(message).toContain('GATEWAY_PORT: must be a port number');
  expect(message).toContain('LOG_LEVEL:');
  expect(message).toContain('SUBGRAPH_URL_HEALTH: must be an http:// or https:// URL');
  expect(message).toContain('SUBGRAPH_URL_TRANSPORT: must be an http:// or https:// URL');
});
