import type { Db } from '../db/createDb';
import { type ChainReport, verifyAccessLog } from '../accessLog/verifyAccessLog';
import { checkCheckpointAge } from './checkCheckpointAge';
import { collectWitnessedStatements, type WitnessedEvidence } from './collectWitnessedStatements';
import type { LogProblem } from './LogProblem';
import { type LogName, type LogStatement, logTable } from './LogStatement';
import { verifyStatisticsLog } from '../statistics/verifyStatisticsLog';
import type { AgencyPublicKeys } from './verifyStatement';
import type { Witness } from './Witness';

export interface WitnessOptions {
  witnesses: readonly Witness[];
  /** The agency's public keys: only statements they verify count as witnessed. */
  publicKeys: AgencyPublicKeys;
  /** Which of the agency's logs (default its access log; `statistics`: governance's). */
  log?: LogName;
}

export interface WitnessedLogReport extends ChainReport {
  witnessed: {
    /** Validly signed statements found, heads and checkpoints. */
    statements: number;
    /** The highest record a signed statement vouches for (0 when none). */
    upToSeq: number;
    /** When the newest of them was signed. */
    lastSignedAt: string | null;
  };
  /** Every finding, first record first; `problem` is the first of them. */
  problems: LogProblem[];
  /** The checked evidence (retention reuses it). */
  evidence: WitnessedEvidence;
}

const LOOKUP_BATCH = 5_000;

/**
 * Verifies the hash chain of one of an agency's logs (its access log, or governance's statistics
 * log), then holds it against every statement its key signed about that log and its witnesses kept: each signed head (seq, hash) must match the record with that seq, or lie within
 * the range of a signed retention checkpoint. A rewrite, a cut-off tail, and an unsigned, forged or
 * premature checkpoint are all named by the first record concerned.
 */
export async function verifyWitnessedLog(
  db: Db,
  schema: string,
  options: WitnessOptions,
): Promise<WitnessedLogReport> {
  const log = options.log ?? 'access';
  const chain =
    log === 'statistics' ? await statisticsChain(db) : await verifyAccessLog(db, schema);
  const evidence = await collectWitnessedStatements(
    schema,
    options.witnesses,
    options.publicKeys,
    log,
  );
  const problems = [...evidence.problems];
  if (chain.problem) problems.push(chain.problem);

  // The statistics log keeps every record: it has no retention checkpoints.
  const checkpoint =
    log === 'statistics'
      ? undefined
      : await db(`${schema}.access_log_checkpoint`)
          .orderBy('seq', 'desc')
          .first<{ seq: number; hash: string } | undefined>('seq', 'hash');
  const checkpointSeq = checkpoint ? Number(checkpoint.seq) : 0;
  if (checkpoint) {
    const signed = evidence.checkpoints.some(
      (c) => c.seq === checkpointSeq && c.hash === checkpoint.hash,
    );
    if (!signed) {
      const before = Math.max(
        0,
        ...evidence.checkpoints.filter((c) => c.seq < checkpointSeq).map((c) => c.seq),
      );
      problems.push({
        seq: before + 1,
        message: `checkpoint ${checkpointSeq} is not signed by ${schema} (forged or unsigned): records ${before + 1}–${checkpointSeq} were removed without a signed retention checkpoint`,
      });
    }
  }
  for (const signedCheckpoint of evidence.checkpoints) {
    const premature = checkCheckpointAge(signedCheckpoint, evidence.statements);
    if (premature) problems.push(premature);
  }
  problems.push(
    ...(await checkSignedHeads(db, schema, logTable(schema, log), checkpoint, evidence.statements)),
  );

  problems.sort((a, b) => a.seq - b.seq);
  const newest = evidence.statements.reduce<LogStatement | null>(
    (a, b) => (!a || b.seq > a.seq ? b : a),
    null,
  );
  return {
    ...chain,
    problem: problems[0],
    problems,
    witnessed: {
      statements: evidence.statements.length,
      upToSeq: newest?.seq ?? 0,
      lastSignedAt: newest?.signedAt ?? null,
    },
    evidence,
  };
}

/** The governance statistics log's own chain check, reported as an access log's is. */
async function statisticsChain(db: Db): Promise<ChainReport> {
  const { records, problem } = await verifyStatisticsLog(db);
  return { schema: 'statistics', records, startsAfter: 0, ...(problem && { problem }) };
}

async function checkSignedHeads(
  db: Db,
  schema: string,
  table: string,
  checkpoint: { seq: number; hash: string } | undefined,
  statements: readonly LogStatement[],
): Promise<LogProblem[]> {
  const checkpointSeq = checkpoint ? Number(checkpoint.seq) : 0;
  const problems: LogProblem[] = [];
  const bySeq = new Map<number, LogStatement>();
  const contradicted = statements.find(
    (statement) => statement.seq === checkpointSeq && statement.hash !== checkpoint?.hash,
  );
  if (contradicted) {
    problems.push({
      seq: checkpointSeq,
      message: `checkpoint ${checkpointSeq} does not carry the hash ${schema} signed for record ${checkpointSeq} at ${contradicted.signedAt}`,
    });
  }
  for (const statement of statements) {
    // Records a checkpoint covers are gone; the checkpoint's own signature vouches for them.
    if (statement.seq > checkpointSeq && !bySeq.has(statement.seq))
      bySeq.set(statement.seq, statement);
  }
  const seqs = [...bySeq.keys()].sort((a, b) => a - b);
  const stored = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += LOOKUP_BATCH) {
    const rows: { seq: number; hash: string }[] = await db(table)
      .whereIn('seq', seqs.slice(i, i + LOOKUP_BATCH))
      .select('seq', 'hash');
    for (const row of rows) stored.set(Number(row.seq), row.hash);
  }
  const last = await db(table).orderBy('seq', 'desc').first<{ seq: number } | undefined>('seq');
  const lastSeq = last ? Number(last.seq) : checkpointSeq;

  let matchedUpTo = checkpointSeq;
  for (const seq of seqs) {
    const statement = bySeq.get(seq)!;
    const hash = stored.get(seq);
    if (hash === statement.hash) {
      matchedUpTo = seq;
    } else if (hash !== undefined) {
      const range =
        seq - matchedUpTo > 1 ? ` (the change lies in records ${matchedUpTo + 1}–${seq})` : '';
      problems.push({
        seq,
        message: `record ${seq} was rewritten: it no longer matches the head ${schema} signed at ${statement.signedAt}${range}`,
      });
      break;
    } else if (seq > lastSeq) {
      const highest = seqs[seqs.length - 1]!;
      problems.push({
        seq: lastSeq + 1,
        message: `the log was cut off: it ends at record ${lastSeq}, but ${schema} signed a head at record ${highest} (${bySeq.get(highest)!.signedAt})`,
      });
      break;
    } else {
      problems.push({
        seq,
        message: `record ${seq}, witnessed at ${statement.signedAt}, is missing from the log`,
      });
      break;
    }
  }
  return problems;
}
