import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type AgencyName, isAgencyName } from '../platform/agencies';
import { databaseUrlField, positiveIntField } from '../platform/config/envFields';
import { ConfigError, loadConfig } from '../platform/config/loadConfig';

export const AWAIT_MIGRATIONS_USAGE =
  'usage: node dist/scripts/awaitMigrations.js <agency> [--interval-ms N]';

export interface AwaitMigrationsConfig {
  agency: AgencyName;
  databaseUrl: string;
  intervalMs: number;
}

/** Reads what `awaitMigrations` needs: the agency named on its command line and DATABASE_URL. */
export function loadAwaitMigrationsConfig(
  env: NodeJS.ProcessEnv,
  argv: string[],
): AwaitMigrationsConfig {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'interval-ms': { type: 'string', default: '2000' } },
    allowPositionals: true,
  });
  const agency = positionals[0] ?? '';
  if (positionals.length !== 1 || !isAgencyName(agency))
    throw new ConfigError(`awaitMigrations: name one agency\n${AWAIT_MIGRATIONS_USAGE}`);
  const config = loadConfig(
    'awaitMigrations',
    z.object({ DATABASE_URL: databaseUrlField, INTERVAL_MS: positiveIntField }),
    { DATABASE_URL: env.DATABASE_URL, INTERVAL_MS: values['interval-ms'] },
  );
  return { agency, databaseUrl: config.DATABASE_URL, intervalMs: config.INTERVAL_MS };
}
