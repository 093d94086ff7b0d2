import type { SignedStatement } from './LogStatement';
import type { Witness } from './Witness';

/** Raised when a statement could not be kept by every witness. */
export class WitnessUnavailableError extends Error {
  override readonly name = 'WitnessUnavailableError';
}

/** Hands a signed statement to every witness; fails, naming them, if any witness did not keep it. */
export async function publishStatement(
  witnesses: readonly Witness[],
  signed: SignedStatement,
): Promise<void> {
  if (witnesses.length === 0) throw new WitnessUnavailableError('no witness is configured');
  const results = await Promise.allSettled(witnesses.map((witness) => witness.publish(signed)));
  const failed = results.flatMap((result, i) =>
    result.status === 'rejected'
      ? [`${witnesses[i]!.name}: ${(result.reason as Error)?.message ?? String(result.reason)}`]
      : [],
  );
  if (failed.length > 0)
    throw new WitnessUnavailableError(
      `${signed.statement.agency} ${signed.statement.kind} ${signed.statement.seq} not witnessed by ${failed.join('; ')}`,
    );
}
