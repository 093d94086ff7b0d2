import 'reflect-metadata';
import { createDb } from '../../platform/db/createDb';
import { startEmbeddedPostgres } from '../../platform/db/embeddedPostgres';
import { DEFAULT_PEOPLE, DEFAULT_SEED } from '../../demo/demoConfig';
import { resetDemoCountry } from '../../demo/resetDemoCountry';
import { TEST_DATABASE_URL_VARIABLE } from './testDatabase';

/**
 * Once per test run: picks the database (DATABASE_URL, or an embedded PostgreSQL when it is
 * unset), rebuilds the demo country in it and hands its URL to the test workers.
 */
export default async function globalSetup(): Promise<void> {
  const configured = process.env.DATABASE_URL;
  const embedded = configured ? null : await startEmbeddedPostgres({ maxConnections: 200 });
  const url = configured ?? embedded!.url;
  const db = createDb({ url });
  const started = Date.now();
  try {
    await resetDemoCountry(db, { seed: DEFAULT_SEED, people: DEFAULT_PEOPLE });
  } finally {
    await db.destroy();
  }
  process.stderr.write(
    `\ntest database: ${embedded ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL from DATABASE_URL'}, demo country of ${DEFAULT_PEOPLE} people seeded in ${Date.now() - started} ms\n`,
  );
  process.env[TEST_DATABASE_URL_VARIABLE] = url;
  (globalThis as { __embeddedPostgres?: unknown }).__embeddedPostgres = embedded;
}
