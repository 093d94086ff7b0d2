import { parseArgs } from 'node:util';
import { ConfigError } from '../platform/config/loadConfig';
import { runMain } from '../platform/config/runMain';
import { createDb } from '../platform/db/createDb';
import { loadDemoConfig } from '../demo/demoConfig';
import { prepareDatabase } from '../demo/prepareDatabase';
import { progressLine } from '../demo/progressLine';

/**
 * `npm run migrate -- [--seed-if-empty] [--people N] [--seed S]`: brings every agency schema on
 * DATABASE_URL to its latest migration; with --seed-if-empty it also seeds an empty register.
 */
runMain(async () => {
  const { values, tokens } = parseArgs({
    args: process.argv.slice(2),
    options: {
      'seed-if-empty': { type: 'boolean', default: false },
      people: { type: 'string' },
      seed: { type: 'string' },
    },
    tokens: true,
  });
  const passOn = tokens.flatMap((t) =>
    t.kind === 'option' && t.name !== 'seed-if-empty' ? [t.rawName, t.value ?? ''] : [],
  );
  const config = loadDemoConfig('migrate', process.env, passOn);
  if (!config.databaseUrl)
    throw new ConfigError('migrate: invalid configuration\n  DATABASE_URL: is required');
  const db = createDb({ url: config.databaseUrl });
  try {
    const result = await prepareDatabase(db, {
      seed: config.seed,
      people: config.people,
      reset: false,
      seedIfEmpty: values['seed-if-empty'],
      onProgress: progressLine('seeding people'),
    });
    const applied = 'applied' in result ? result.applied : [];
    process.stderr.write(
      `migrations applied: ${applied.length === 0 ? 'none (up to date)' : applied.join(', ')}\n`,
    );
    if (result.action === 'seeded')
      process.stderr.write(`seeded the demo country: ${result.people} people\n`);
  } finally {
    await db.destroy();
  }
});
