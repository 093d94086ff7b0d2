import type { Db } from '../db/createDb';
import { verifyAccessLog } from './verifyAccessLog';

export interface RetentionOptions {
  /** Records logged before this moment go. */
  olderThan: Date;
  /** Why (kept with the checkpoint), e.g. "retention: 5 years". */
  reason: string;
  /** Receives the records before they are removed, oldest first, e.g. to write an archive. */
  archive?: (records: Record<string, unknown>[]) => Promise<void>;
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

/**
 * Removes the oldest records of one access log, keeping the rest verifiable: it first checks the
 * chain, hands the records to the archive, then writes a checkpoint (the last removed record's
 * sequence number and hash) from which verification continues, and only then deletes; the
 * log's guard lets nothing go that a checkpoint does not cover.
 */
export async function retainAccessLog(
  db: Db,
  schema: string,
  options: RetentionOptions,
): Promise<RetentionResult> {
  const report = await verifyAccessLog(db, schema);
  if (report.problem)
    throw new TamperedLogError(`${schema}: ${report.problem.message}; nothing was removed`);

  const last = await db(`${schema}.access_log`)
    .where('seq', '>', report.startsAfter)
    .andWhere('logged_at', '<', options.olderThan)
    .orderBy('seq', 'desc')
    .first<{ seq: number; hash: string } | undefined>('seq', 'hash');
  if (!last) return { schema, removed: 0, checkpointSeq: null };

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
  const removed = Number(last.seq) - report.startsAfter;
  await db(`${schema}.access_log_checkpoint`).insert({
    seq: last.seq,
    hash: last.hash,
    removed,
    reason: options.reason,
  });
  await removable.clone().delete();
  return { schema, removed, checkpointSeq: Number(last.seq) };
}
