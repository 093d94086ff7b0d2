import { setTimeout as sleep } from 'node:timers/promises';
import { runMain } from '../platform/config/runMain';
import { createDb } from '../platform/db/createDb';
import { loadAwaitMigrationsConfig } from './awaitMigrationsConfig';
import { appliedMigrations, pendingMigrations, shippedMigrations } from './pendingMigrations';

/**
 * `node dist/scripts/awaitMigrations.js <agency>`: waits until the agency's schema and the
 * governance store on DATABASE_URL hold every migration this build ships, then exits 0. It
 * migrates nothing: a deployment runs one migration job, and each subgraph replica waits
 * here (a Kubernetes init container) so that new code never meets an old schema.
 */
runMain(async () => {
  const config = loadAwaitMigrationsConfig(process.env, process.argv.slice(2));
  const schemas = [...new Set([config.agency, 'governance'])];
  const db = createDb({
    url: config.databaseUrl,
    poolSize: 1,
    applicationName: 'govgraph-await-migrations',
  });
  let lastReport = '';
  try {
    for (;;) {
      const report = await waitingFor(schemas).catch(
        (error: unknown) => `the database does not answer (${(error as Error).message})`,
      );
      if (report === '') break;
      if (report !== lastReport) process.stderr.write(`waiting for migrations: ${report}\n`);
      lastReport = report;
      await sleep(config.intervalMs);
    }
    process.stderr.write(`migrations applied: ${schemas.join(', ')}\n`);
  } finally {
    await db.destroy();
  }

  async function waitingFor(names: string[]): Promise<string> {
    const lines = await Promise.all(
      names.map(async (schema) => {
        const pending = pendingMigrations(
          shippedMigrations(schema),
          await appliedMigrations(db, schema),
        );
        return pending.length === 0
          ? []
          : [`${schema}: ${pending.length} pending, ${pending[0]} first`];
      }),
    );
    return lines.flat().join('; ');
  }
});
