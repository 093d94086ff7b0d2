import type { Db } from '../db/createDb';
import { expectedHash, LOGGED_AT_SQL, type StoredAccessRecord } from './canonicalRecord';

export const GENESIS_HASH = 'genesis';
const BATCH = 10_000;

export interface ChainReport {
  schema: string;
  /** Records checked (after the latest retention checkpoint). */
  records: number;
  /** Where the chain starts: 0, or the sequence number of the latest retention checkpoint. */
  startsAfter: number;
  /** The first record found altered, removed or out of order; absent when the chain is intact. */
  problem?: { seq: number; message: string };
}

/**
 * Walks one schema's access log in sequence order and recomputes its hash chain: names the first
 * record that was altered, removed or reordered, and notices records cut off the end.
 */
export async function verifyAccessLog(db: Db, schema: string): Promise<ChainReport> {
  const checkpoint = await db(`${schema}.access_log_checkpoint`)
    .orderBy('seq', 'desc')
    .first<{ seq: number; hash: string } | undefined>('seq', 'hash');
  const head = await db(`${schema}.access_log_head`)
    .where({ id: 1 })
    .first<{ last_seq: number; last_hash: string }>('last_seq', 'last_hash');
  let expectedSeq = (checkpoint?.seq ?? 0) + 1;
  let previousHash = checkpoint?.hash ?? GENESIS_HASH;
  const report: ChainReport = { schema, records: 0, startsAfter: checkpoint?.seq ?? 0 };

  for (;;) {
    // Records appended while this runs are beyond the head read above: they wait for the next check.
    const batch = await readBatch(db, schema, expectedSeq - 1, Number(head.last_seq));
    for (const record of batch) {
      if (record.seq !== expectedSeq) {
        return found(
          report,
          expectedSeq,
          `record ${expectedSeq}${record.seq - 1 > expectedSeq ? `–${record.seq - 1}` : ''} was removed: the log jumps from ${expectedSeq - 1} to ${record.seq}`,
        );
      }
      if (record.prevHash !== previousHash) {
        return found(
          report,
          record.seq,
          `record ${record.seq} does not follow record ${record.seq - 1}: a record was removed, reordered or altered before it`,
        );
      }
      if (expectedHash(record) !== record.hash) {
        return found(
          report,
          record.seq,
          `record ${record.seq} was altered: its contents no longer match its hash`,
        );
      }
      previousHash = record.hash;
      expectedSeq += 1;
      report.records += 1;
    }
    if (batch.length < BATCH) break;
  }
  const lastSeq = expectedSeq - 1;
  if (
    Number(head.last_seq) !== lastSeq ||
    (lastSeq > report.startsAfter && head.last_hash !== previousHash)
  ) {
    return found(
      report,
      lastSeq + 1,
      `records after ${lastSeq} were removed: the log's head says the last record is ${head.last_seq}`,
    );
  }
  return report;
}

function found(report: ChainReport, seq: number, message: string): ChainReport {
  return { ...report, problem: { seq, message } };
}

async function readBatch(
  db: Db,
  schema: string,
  afterSeq: number,
  upToSeq: number,
): Promise<StoredAccessRecord[]> {
  const rows = await db(`${schema}.access_log`)
    .where('seq', '>', afterSeq)
    .andWhere('seq', '<=', upToSeq)
    .orderBy('seq')
    .limit(BATCH)
    .select(
      'seq',
      db.raw(`${LOGGED_AT_SQL} as logged_at`),
      'request_id',
      'subject_id',
      'caller_kind',
      'caller_subject',
      'organisation',
      'purpose',
      'case_id',
      'fields',
      'prev_hash',
      'hash',
    );
  return rows.map((row: Record<string, unknown>) => ({
    seq: Number(row.seq),
    loggedAt: row.logged_at as string,
    requestId: row.request_id as string,
    subjectId: row.subject_id as string,
    callerKind: row.caller_kind as string,
    callerSubject: row.caller_subject as string | null,
    organisation: row.organisation as string | null,
    purpose: row.purpose as string | null,
    caseId: row.case_id as string | null,
    fields: row.fields as string[],
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  }));
}
