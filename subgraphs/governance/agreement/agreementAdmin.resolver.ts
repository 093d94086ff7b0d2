import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { GovernanceContext } from '../context';
import { Agreement } from './agreement.type';
import { ChangeAgreementInput, GrantAgreementInput } from './agreementInput';
import { changeAgreement, grantAgreement, revokeAgreement } from './agreementRegister';
import { approveAgreement } from './approveAgreement';
import { actorOf, authorOf } from './authorOf';

/** Managing the register; policy reserves these operations to its administrators. */
@Resolver()
export class AgreementAdminResolver {
  @Mutation(() => Agreement, {
    nullable: true,
    description:
      "Proposes a new data-sharing agreement: it is registered as PROPOSED and takes no effect until the providing agency's data controller approves it (approveAgreement).",
  })
  grantAgreement(
    @Arg('input', () => GrantAgreementInput) input: GrantAgreementInput,
    @Ctx() { caller, repositories }: GovernanceContext,
  ): Promise<Agreement> {
    return grantAgreement(repositories, input, authorOf(caller));
  }

  @Mutation(() => Agreement, {
    nullable: true,
    description:
      "Changes the terms of an agreement, or suspends or resumes it. A change that only narrows it applies at once (its version grows); one that widens it, and any change of an agreement covering special-category data or the access log, becomes its pendingProposal until the provider's data controller approves it.",
  })
  changeAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ChangeAgreementInput) input: ChangeAgreementInput,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Why, for the audit trail.',
    })
    reason: string | null,
    @Ctx() { caller, repositories }: GovernanceContext,
  ): Promise<Agreement> {
    return changeAgreement(repositories, id, input, reason, authorOf(caller));
  }

  @Mutation(() => Agreement, {
    nullable: true,
    description:
      "Revokes an agreement for good, at once: a governance administrator or the provider's data controller alone may. Every subgraph stops releasing data under it within a second.",
  })
  revokeAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { description: 'Why it is revoked; recorded in the register.' })
    reason: string,
    @Ctx() { caller, repositories }: GovernanceContext,
  ): Promise<Agreement> {
    return revokeAgreement(repositories, id, reason, actorOf(caller));
  }

  @Mutation(() => Agreement, {
    nullable: true,
    description:
      'Approves a proposed agreement or change, which takes effect as the version it names within a second. Reserved to the data controller of the providing agency, who may not approve an agreement granting their own organisation data, nor their own proposal.',
  })
  approveAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, {
      description: 'The version of the proposal approved: its pendingProposal.version.',
    })
    version: number,
    @Ctx() { caller, repositories }: GovernanceContext,
  ): Promise<Agreement> {
    return approveAgreement(repositories, id, version, actorOf(caller));
  }
}
