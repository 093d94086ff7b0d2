import type { LogProblem } from './LogProblem';
import { type CheckpointStatement, type LogName, type LogStatement, logOf } from './LogStatement';
import { type AgencyPublicKeys, type VerifiedStatement, verifyStatement } from './verifyStatement';
import type { Witness } from './Witness';

/** What the witnesses hold about one agency's log, each signature checked. */
export interface WitnessedEvidence {
  /** Every validly signed statement, heads and checkpoints, from every witness. */
  statements: LogStatement[];
  checkpoints: CheckpointStatement[];
  /** Statements that are not validly signed by the agency, and contradictions between signed ones. */
  problems: LogProblem[];
}

/**
 * Reads every witness's statements about one of an agency's logs and keeps those its key really
 * signed; a statement it did not sign, or two signed hashes for one record, is a finding in
 * itself. Statements about the agency's other log are left out.
 */
export async function collectWitnessedStatements(
  agency: string,
  witnesses: readonly Witness[],
  keys: AgencyPublicKeys,
  log: LogName = 'access',
): Promise<WitnessedEvidence> {
  const evidence: WitnessedEvidence = { statements: [], checkpoints: [], problems: [] };
  const hashAt = new Map<number, string>();
  // Witnesses hold the same statements: each signature is checked once.
  const checkedJws = new Map<string, VerifiedStatement>();
  for (const witness of witnesses) {
    for (const held of await witness.heads(agency)) {
      let checked = checkedJws.get(held.jws);
      if (!checked) {
        checked = verifyStatement(held.jws, agency, keys);
        checkedJws.set(held.jws, checked);
      }
      if (!checked.valid) {
        evidence.problems.push({
          seq: claimedSeq(held.jws),
          message: `${held.witness} ${held.ref} ${checked.reason}: a forged or unsigned statement`,
        });
        continue;
      }
      const { statement } = checked;
      if (logOf(statement) !== log) continue;
      const known = hashAt.get(statement.seq);
      if (known !== undefined && known !== statement.hash) {
        evidence.problems.push({
          seq: statement.seq,
          message: `${agency}'s key signed two different hashes for record ${statement.seq} (${held.witness} ${held.ref}): the log was rewritten by someone holding the key`,
        });
      }
      hashAt.set(statement.seq, statement.hash);
      evidence.statements.push(statement);
      if (statement.kind === 'checkpoint') evidence.checkpoints.push(statement);
    }
  }
  return evidence;
}

// For the report only: where an unverifiable statement claims to be.
function claimedSeq(jws: string): number {
  try {
    const payload = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return Number.isInteger(payload?.seq) ? payload.seq : 0;
  } catch {
    return 0;
  }
}
