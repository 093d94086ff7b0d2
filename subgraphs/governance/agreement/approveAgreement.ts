import { notFound } from '../../../platform/errors/clientErrors';
import { refuseIfProblems } from '../graphql/invalidInput';
import type { GovernanceRepositories } from '../repositories';
import type { Agreement } from './agreement.type';
import { registerFacts } from './agreementRegister';
import { type Actor, assertMayApprove } from './duties';
import { agreementProblems } from './validateAgreement';

/**
 * Puts a proposal in force as the version it names: only the data controller of the providing
 * agency may, never for an agreement granting their own organisation data, and never for their
 * own proposal. A version that is not the one awaiting approval is refused, so an approver
 * always approves the terms they saw.
 */
export async function approveAgreement(
  repositories: GovernanceRepositories,
  id: string,
  version: number,
  actor: Actor,
): Promise<Agreement> {
  const [facts, controllers] = await Promise.all([
    registerFacts(repositories),
    repositories.agreements.controllers(),
  ]);
  const what = `Agreement ${id} cannot be approved`;
  const approved = await repositories.agreements.update(
    id,
    actor.author,
    ({ current, pending }) => {
      const proposal = pending?.version === version ? pending : null;
      assertMayApprove(
        actor,
        current,
        controllers.get(current.provider) ?? null,
        proposal?.proposedBy ?? null,
      );
      if (!proposal) {
        refuseIfProblems(what, [
          pending
            ? `version ${version} is not the proposal awaiting approval: version ${pending.version} is`
            : `it has no proposal awaiting approval (its version in force is ${current.version})`,
        ]);
      }
      const terms = proposal!.terms;
      refuseIfProblems(what, agreementProblems({ ...current, ...terms }, facts, false));
      return {
        kind: 'apply',
        update: {
          action: 'approved',
          terms,
          changedTerms: proposal!.changedTerms,
          reason: proposal!.reason,
          approves: proposal!,
        },
      };
    },
  );
  if (!approved) throw notFound(`No agreement ${id} is in the register`);
  return approved;
}
