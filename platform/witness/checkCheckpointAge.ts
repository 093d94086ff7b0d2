import type { LogProblem } from './LogProblem';
import type { CheckpointStatement, LogStatement } from './LogStatement';

/**
 * A checkpoint claims that every record up to its `seq` was logged before `olderThan`. It is
 * younger than it claims when it was signed before that moment, or when a signed head shows a
 * covered record came later: a head at record k signed at time t means records after k did not
 * yet exist at t.
 */
export function checkCheckpointAge(
  checkpoint: CheckpointStatement,
  statements: readonly LogStatement[],
): LogProblem | null {
  const olderThan = Date.parse(checkpoint.olderThan);
  if (olderThan > Date.parse(checkpoint.signedAt)) {
    return {
      seq: checkpoint.seq,
      message: `checkpoint ${checkpoint.seq} claims records older than ${checkpoint.olderThan}, a moment after it was signed (${checkpoint.signedAt}): it is younger than the retention it claims`,
    };
  }
  let earliest: LogStatement | null = null;
  for (const statement of statements) {
    if (statement.seq >= checkpoint.seq || Date.parse(statement.signedAt) < olderThan) continue;
    if (!earliest || statement.seq < earliest.seq) earliest = statement;
  }
  if (!earliest) return null;
  return {
    seq: earliest.seq + 1,
    message: `checkpoint ${checkpoint.seq} claims every record it covers was logged before ${checkpoint.olderThan}, but records ${earliest.seq + 1}–${checkpoint.seq} came after the head at record ${earliest.seq} signed at ${earliest.signedAt}: the checkpoint is younger than the retention it claims`,
  };
}
