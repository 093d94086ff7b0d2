import { ConfigError } from '../platform/config/loadConfig';
import { loadAwaitMigrationsConfig } from './awaitMigrationsConfig';

const DATABASE_URL = 'postgres://govgraph@db:5432/govgraph';

describe('loadAwaitMigrationsConfig', () => {
  it('reads the agency from the command line and the database from DATABASE_URL', () => {
    expect(loadAwaitMigrationsConfig({ DATABASE_URL }, ['tax'])).toEqual({
      agency: 'tax',
      databaseUrl: DATABASE_URL,
      intervalMs: 2000,
    });
    expect(loadAwaitMigrationsConfig({ DATABASE_URL }, ['tax', '--interval-ms', '500'])).toEqual(
      expect.objectContaining({ intervalMs: 500 }),
    );
  });

  it.each([[[]], [['nowhere']], [['tax', 'health']]])('refuses %j: one known agency', (argv) => {
    expect(() => loadAwaitMigrationsConfig({ DATABASE_URL }, argv)).toThrow(ConfigError);
  });

  it('refuses a missing or wrong DATABASE_URL, naming it', () => {
    expect(() => loadAwaitMigrationsConfig({}, ['tax'])).toThrow(/DATABASE_URL: is required/);
    expect(() => loadAwaitMigrationsConfig({ DATABASE_URL: 'mysql://x' }, ['tax'])).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
  });
});
