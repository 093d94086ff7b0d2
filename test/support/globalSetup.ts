import 'reflect-metadata';
import { createDb } from '../../platform/db/createDb';
import { createScratchDatabase } from '../../platform/db/scratchDatabase';
import { startEmbeddedPostgres } from '../../platform/db/embeddedPostgres';
import { DEFAULT_PEOPLE, DEFAULT_SEED } from '../../demo/demoConfig';
import { resetDemoCountry } from '../../demo/resetDemoCountry';
import { TEST_DATABASE_EMBEDDED_VARIABLE, TEST_DATABASE_URL_VARIABLE } from './testDatabase';

interface TestDatabaseState {
  stop(): Promise<void>;
}

/**
 * Once per test run: makes a database of its own (a fresh database on the DATABASE_URL server,
 * or an embedded PostgreSQL when DATABASE_URL is unset), so that concurrent runs never meet,
 * fills it with the demo country and hands its URL to the test workers.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const { url, stop, where } = await createRunDatabase(process.env.DATABASE_URL);
  const db = createDb({ url });
  try {
    await resetDemoCountry(db, { seed: DEFAULT_SEED, people: DEFAULT_PEOPLE });
  } finally {
    await db.destroy();
  }
  process.stderr.write(
    `\ntest database: ${where}; demo country of ${DEFAULT_PEOPLE} people ready in ${Date.now() - started} ms\n`,
  );
  process.env[TEST_DATABASE_URL_VARIABLE] = url;
  process.env[TEST_DATABASE_EMBEDDED_VARIABLE] = String(!process.env.DATABASE_URL);
  (globalThis as { __testDatabase?: TestDatabaseState }).__testDatabase = { stop };
}

async function createRunDatabase(serverUrl: string | undefined) {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ maxConnections: 200 });
    return { url: embedded.url, stop: embedded.stop, where: 'embedded PostgreSQL (PGlite)' };
  }
  const scratch = await createScratchDatabase(serverUrl, 'govgraph_test');
  return {
    url: scratch.url,
    where: `${scratch.where} (from DATABASE_URL)`,
    stop: () => scratch.drop(),
  };
}
