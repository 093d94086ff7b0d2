import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AGENCY_NAMES } from '../platform/agencies';
import { ConfigError } from '../platform/config/loadConfig';
import { runMain } from '../platform/config/runMain';
import { createDb } from '../platform/db/createDb';
import {
  PrematureCheckpointError,
  retainAccessLog,
  type RetentionResult,
  TamperedLogError,
} from '../platform/accessLog/retainAccessLog';
import { readAccessLogPublicKeys, readAccessLogSigner } from '../platform/witness/accessLogKeys';
import { auditWitnesses } from '../platform/witness/auditWitnesses';
import { loadAuditConfig } from './auditConfig';

const USAGE = 'usage: npm run audit:retain -- --older-than-days <days> [--archive-dir <folder>]';

/**
 * `npm run audit:retain -- --older-than-days N [--archive-dir DIR]`: the one documented way to
 * remove old access-log records. For each agency it verifies the chain against its witnesses,
 * archives the records (JSON lines, with their hashes) if asked, signs a checkpoint with the
 * agency's key and has the witnesses keep it, leaves the checkpoint, then removes them.
 */
runMain(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'older-than-days': { type: 'string' }, 'archive-dir': { type: 'string' } },
  });
  const days = Number(values['older-than-days']);
  if (!Number.isInteger(days) || days < 1)
    throw new ConfigError(
      `audit:retain: --older-than-days must be a whole number of days\n  ${USAGE}`,
    );
  const config = loadAuditConfig('audit:retain', process.env);
  const olderThan = new Date(Date.now() - days * 86_400_000);
  const archiveDir = values['archive-dir'];
  if (archiveDir) await mkdir(archiveDir, { recursive: true });

  const db = createDb({ url: config.databaseUrl, poolSize: 2 });
  const witnesses = auditWitnesses(db, config.witnessFile);
  let refused = 0;
  try {
    for (const schema of AGENCY_NAMES) {
      const file = archiveDir
        ? path.join(
            archiveDir,
            `${schema}-access-log-before-${olderThan.toISOString().slice(0, 10)}.jsonl`,
          )
        : null;
      const out = file ? createWriteStream(file, { flags: 'a' }) : null;
      let result: RetentionResult;
      try {
        result = await retainAccessLog(db, schema, {
          olderThan,
          reason: `retention: older than ${days} days`,
          signer: readAccessLogSigner(schema, config.keysDirectory),
          publicKeys: readAccessLogPublicKeys(schema, config.keysDirectory),
          witnesses,
          archive: out
            ? async (records) =>
                void out.write(records.map((r) => `${JSON.stringify(r)}\n`).join(''))
            : undefined,
        });
      } catch (error) {
        if (!(error instanceof TamperedLogError || error instanceof PrematureCheckpointError))
          throw error;
        // Nothing was removed from this agency's log; the others are still trimmed.
        refused += 1;
        process.stdout.write(`${schema.padEnd(11)} REFUSED: ${error.message}\n`);
        continue;
      } finally {
        await new Promise<void>((resolve) => (out ? out.end(resolve) : resolve()));
      }
      process.stdout.write(
        `${schema.padEnd(11)} ${result.removed} records removed${result.checkpointSeq ? `, chain continues after checkpoint ${result.checkpointSeq}` : ''}${file && result.removed ? ` (archived in ${file})` : ''}\n`,
      );
    }
  } finally {
    await db.destroy();
  }
  if (refused > 0) process.exit(1);
});
