import { join } from 'node:path';
import { repoRoot } from '../../platform/repoRoot';
import {
  configLoaderOf,
  imagePaths,
  loadRecordingReads,
  repoPathOfImageFile,
} from './serviceEntryPoints';

const demoKey = (file: string) => join(repoRoot(), 'demo', 'keys', file);

describe('the start-up checks the deployment tests rely on', () => {
  const subgraphEnv = {
    DATABASE_URL: 'postgres://govgraph@db:5432/govgraph',
    GATEWAY_TOKEN_KEY_FILE: demoKey('gateway-token-tax.jwk.json'),
    ACCESS_LOG_SIGNING_KEY_FILE: demoKey('access-log-tax.private.jwk.json'),
    STATISTICS_PSEUDONYM_SECRET_FILE: demoKey('statistics-pseudonym.secret'),
  };

  it('tell a variable the service reads from a mistyped one it would ignore', () => {
    const { read, error } = loadRecordingReads(
      configLoaderOf(['node', 'dist/subgraphs/tax/main.js']),
      { ...subgraphEnv, PORT: '4002', POLICY_MAX_STALENES_MS: '1000' },
    );
    expect(error).toBeUndefined();
    expect(read.has('PORT')).toBe(true);
    expect(read.has('POLICY_MAX_STALENES_MS')).toBe(false);
  });

  it("report the service's own refusal of a bad value", () => {
    const { error } = loadRecordingReads(configLoaderOf(['node', 'dist/subgraphs/tax/main.js']), {
      ...subgraphEnv,
      ACCESS_LOG_SIGNING_KEY_FILE: demoKey('access-log-health.private.jwk.json'),
      PORT: 'http',
    });
    expect(String(error)).toMatch(/PORT: must be a port number/);
  });

  it('know only real entry points', () => {
    expect(() => configLoaderOf(['node', 'dist/gateway/mian.js'])).toThrow(/no such entry point/);
    expect(() => configLoaderOf(['node', 'dist/scripts/token.js'])).toThrow(
      /no known configuration/,
    );
    expect(() => configLoaderOf(['sh', '-c', 'node dist/gateway/main.js'])).toThrow(
      /not started with node/,
    );
  });

  it('know the files the image holds, as the Dockerfile copies them', () => {
    expect(imagePaths()).toEqual(expect.arrayContaining(['dist', 'schema', 'demo/keys']));
    expect(repoPathOfImageFile('/app/schema/trusted-documents.json')).toBe(
      join(repoRoot(), 'schema', 'trusted-documents.json'),
    );
    expect(() => repoPathOfImageFile('/app/README.md')).toThrow(/not a file the Dockerfile puts/);
    expect(() => repoPathOfImageFile('/app/demo/keys/missing.json')).toThrow(/not a file/);
  });
});
