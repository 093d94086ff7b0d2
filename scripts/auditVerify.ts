import { AGENCY_NAMES } from '../platform/agencies';
import { runMain } from '../platform/config/runMain';
import { createDb } from '../platform/db/createDb';
import { readAccessLogPublicKeys } from '../platform/witness/accessLogKeys';
import { auditWitnesses } from '../platform/witness/auditWitnesses';
import { formatWitnessedReport } from '../platform/witness/formatWitnessedReport';
import { verifyWitnessedLog } from '../platform/witness/verifyWitnessedLog';
import { loadAuditConfig } from './auditConfig';

/**
 * `npm run audit:verify`: checks every agency's access-log hash chain on DATABASE_URL against
 * every head and checkpoint the agency signed and its witnesses kept, one line per agency, and
 * names the first record that was altered, removed, rewritten or cut off; then the governance
 * statistics log the same way, against the heads governance signed. Exits 1 on any finding.
 */
runMain(async () => {
  const config = loadAuditConfig('audit:verify', process.env);
  const db = createDb({ url: config.databaseUrl, poolSize: 2 });
  const witnesses = auditWitnesses(db, config.witnessFile);
  let broken = 0;
  try {
    for (const schema of AGENCY_NAMES) {
      const started = performance.now();
      const report = await verifyWitnessedLog(db, schema, {
        witnesses,
        publicKeys: readAccessLogPublicKeys(schema, config.keysDirectory),
      });
      if (report.problem) broken += 1;
      process.stdout.write(`${formatWitnessedReport(report, performance.now() - started)}\n`);
    }
    const started = performance.now();
    const statistics = await verifyWitnessedLog(db, 'governance', {
      witnesses,
      publicKeys: readAccessLogPublicKeys('governance', config.keysDirectory),
      log: 'statistics',
    });
    if (statistics.problem) broken += 1;
    process.stdout.write(`${formatWitnessedReport(statistics, performance.now() - started)}\n`);
  } finally {
    await db.destroy();
  }
  if (broken > 0) process.exit(1);
});
