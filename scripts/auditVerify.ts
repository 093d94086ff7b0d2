import { AGENCY_NAMES } from '../platform/agencies';
import { ConfigError } from '../platform/config/loadConfig';
import { runMain } from '../platform/config/runMain';
import { createDb } from '../platform/db/createDb';
import { databaseUrlField } from '../platform/config/envFields';
import { verifyAccessLog } from '../platform/accessLog/verifyAccessLog';

/**
 * `npm run audit:verify`: checks every agency's access-log hash chain on DATABASE_URL and names
 * the first record that was altered, removed or reordered. Exits 1 when any chain is broken.
 */
runMain(async () => {
  const url = databaseUrlField.safeParse(process.env.DATABASE_URL);
  if (!url.success)
    throw new ConfigError(
      'audit:verify: invalid configuration\n  DATABASE_URL: is required (a postgres:// connection string)',
    );
  const db = createDb({ url: url.data, poolSize: 2 });
  let broken = 0;
  try {
    for (const schema of AGENCY_NAMES) {
      const report = await verifyAccessLog(db, schema);
      const from = report.startsAfter > 0 ? ` (from checkpoint ${report.startsAfter})` : '';
      if (report.problem) {
        broken += 1;
        process.stdout.write(
          `${schema.padEnd(11)} BROKEN at record ${report.problem.seq}: ${report.problem.message}\n`,
        );
      } else {
        process.stdout.write(
          `${schema.padEnd(11)} ok: ${report.records} records verified${from}\n`,
        );
      }
    }
  } finally {
    await db.destroy();
  }
  if (broken > 0) process.exit(1);
});
