import { ConfigError } from '../platform/config/loadConfig';
import { runMain } from '../platform/config/runMain';
import { createDb } from '../platform/db/createDb';
import { loadDemoConfig } from '../demo/demoConfig';
import { progressLine } from '../demo/progressLine';
import { resetDemoCountry } from '../demo/resetDemoCountry';

/** `npm run seed -- [--people N] [--seed S]`: rebuilds the demo country on DATABASE_URL. */
runMain(async () => {
  const config = loadDemoConfig('seed', process.env, process.argv.slice(2));
  if (!config.databaseUrl) {
    throw new ConfigError(
      'seed: invalid configuration\n  DATABASE_URL: is required (npm start seeds the embedded database by itself)',
    );
  }
  const db = createDb({ url: config.databaseUrl });
  const started = Date.now();
  try {
    const summary = await resetDemoCountry(db, {
      seed: config.seed,
      people: config.people,
      onProgress: progressLine('seeding people'),
    });
    const seconds = (Date.now() - started) / 1000;
    const rows = Object.values(summary.rows).reduce((sum, count) => sum + count, 0);
    process.stderr.write(
      `seeded ${summary.people.toLocaleString('en')} people (${rows.toLocaleString('en')} rows) in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString('en')} rows/s\n`,
    );
    for (const [table, count] of Object.entries(summary.rows))
      process.stderr.write(`  ${table}: ${count.toLocaleString('en')} rows\n`);
  } finally {
    await db.destroy();
  }
});
