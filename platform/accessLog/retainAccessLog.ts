import type { Db } from '../db/createDb';
import { checkCheckpointAge } from '../witness/checkCheckpointAge';
import type { CheckpointStatement } from '../witness/LogStatement';
import { publishStatement } from '../witness/publishStatement';
import type { StatementSigner } from '../witness/signStatement';
import { verifyWitnessedLog, type WitnessOptions } from '../witness/verifyWitnessedLog';

export interface RetentionOptions extends WitnessOptions {
  /** Records logged before this moment go. */
  olderThan: Date;
  /** Why (kept with the checkpoint), e.g. "retention: 5 years". */
  reason: string;
  /** Receives the records before they are removed, oldest first, e.g. to write an archive. */
  archive?: (records: Record<string, unknown>[]) => Promise<void>;
  /** The agency's key: the checkpoint is signed with it and published to the witnesses. */
  signer: StatementSigner;
  /** The time of the checkpoint; now by default. */
  now?: Date;
}

export interface RetentionResult {
  schema: string;
  removed: number;
  /** The sequence number the chain now continues after (the new checkpoint), if any was made. */
  checkpointSeq: number | null;
}

/** Raised when the log to be trimmed does not verify: nothing is removed from a tampered log. */
export class TamperedLogError extends Error {
  override readonly name = 'TamperedLogError';
}

/** Raised when the records to be removed are younger than the retention claimed: nothing is removed. */
export class PrematureCheckpointError extends Error {
  override readonly name = 'PrematureCheckpointError';
}

/**
 * Removes the oldest records of one access log, keeping the rest verifiable: it first checks the
 * chain against its witnesses, hands the records to the archive, signs a checkpoint (the last
 * removed record's sequence number and hash, and the moment every removed record predates) and
 * has every witness keep it, then records the checkpoint, from which verification continues, and
 * only then deletes; the log's guard lets nothing go that a checkpoint does not cover.
 */
export async function retainAccessLog(
  db: Db,
  schema: string,
  options: RetentionOptions,
): Promise<RetentionResult> {
  const report = await verifyWitnessedLog(db, schema, options);
  if (report.problem)
    throw new TamperedLogError(`${schema}: ${report.problem.message}; nothing was removed`);

  const last = await db(`${schema}.access_log`)
    .where('seq', '>', report.startsAfter)
    .andWhere('logged_at', '<', options.olderThan)
    .orderBy('seq', 'desc')
    .first<{ seq: number; hash: string } | undefined>('seq', 'hash');
  if (!last) return { schema, removed: 0, checkpointSeq: null };

  const removed = Number(last.seq) - report.startsAfter;
  const checkpoint: CheckpointStatement = {
    kind: 'checkpoint',
    agency: schema,
    seq: Number(last.seq),
    hash: last.hash,
    signedAt: (options.now ?? new Date()).toISOString(),
    olderThan: options.olderThan.toISOString(),
    removed,
    reason: options.reason,
  };
  // The records' own timestamps are the owner's to rewrite; the signed heads are not.
  const premature = checkCheckpointAge(checkpoint, report.evidence.statements);
  if (premature)
    throw new PrematureCheckpointError(`${schema}: ${premature.message}; nothing was removed`);

  const removable = db(`${schema}.access_log`)
    .where('seq', '>', report.startsAfter)
    .andWhere('seq', '<=', last.seq);
  if (options.archive) {
    for (let after = report.startsAfter; after < last.seq;) {
      const batch = await removable
        .clone()
        .andWhere('seq', '>', after)
        .orderBy('seq')
        .limit(10_000);
      if (batch.length === 0) break;
      await options.archive(batch);
      after = Number(batch[batch.length - 1].seq);
    }
  }
  // Witnessed before anything goes: a checkpoint no witness holds would read as a forgery.
  await publishStatement(options.witnesses, options.signer.sign(checkpoint));
  await db(`${schema}.access_log_checkpoint`).insert({
    seq: last.seq,
    hash: last.hash,
    removed,
    reason: options.reason,
  });
  await removable.clone().delete();
  return { schema, removed, checkpointSeq: Number(last.seq) };
}
