import type { GraphQLError } from 'graphql';
import { forbidden } from '../errors/clientErrors';
import type { Basis } from '../policy/decision';
import type { RequestPolicy } from '../policy/RequestPolicy';
import type { StatisticalVariable } from './statisticalVariables';

/** What an agency's grants allow for the variables of one table it holds. */
export interface VariableGrants {
  /** The agreements the variables are released under. */
  agreements: string[];
  /** Their bases, for `extensions.dataUse`. */
  released: Basis[];
  /** The largest minimum cell size among them: the table's cells must reach it. */
  minCellSize: number;
}

/**
 * Decides every variable an agency holds for a table: each must be granted to the caller's
 * organisation for the declared purpose as `Statistics.<grant>` (classification `aggregate`).
 * One missing grant refuses the whole table (fail closed), naming every missing grant.
 */
export function grantVariables(
  policy: RequestPolicy,
  variables: readonly StatisticalVariable[],
): VariableGrants | GraphQLError {
  const refusals: string[] = [];
  const agreements = new Map<string, number>();
  const released = new Map<string, Basis>();
  for (const variable of variables) {
    const decision = policy.variableDecision(variable.grant);
    if (decision.effect === 'deny') refusals.push(decision.reason);
    else if (
      (decision.effect === 'allow' || decision.effect === 'mask') &&
      decision.basis.kind === 'agreement'
    ) {
      agreements.set(decision.basis.agreement.id, decision.basis.agreement.minCellSize);
      released.set(decision.basis.agreement.id, decision.basis);
    } else refusals.push(`Statistics.${variable.grant} is released only under an agreement`);
  }
  if (refusals.length > 0) {
    return forbidden(`Access denied: ${refusals.join('; ')}`, {
      agency: policy.fieldPolicy.agency,
      variables: variables.map((v) => v.name),
      purpose: policy.purpose,
      organisation: policy.caller.kind === 'organisation' ? policy.caller.organisation : null,
    });
  }
  return {
    agreements: [...agreements.keys()].sort(),
    released: [...released.values()],
    minCellSize: Math.max(1, ...agreements.values()),
  };
}
