import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GovernanceContext } from '../context';
import { Agreement } from './agreement.type';
import { ChangeAgreementInput, GrantAgreementInput } from './agreementInput';
import { changeAgreement, grantAgreement, revokeAgreement } from './agreementRegister';
import { authorOf } from './authorOf';

/** Managing the register; policy reserves these operations to its administrators. */
@Resolver()
export class AgreementAdminResolver {
  @Mutation(() => Agreement, {
    nullable: true,
    description:
      'Enters a new data-sharing agreement in the register. Every subgraph applies it within a second.',
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
      'Changes the terms of an agreement, or suspends or resumes it; its version grows by one.',
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
      'Revokes an agreement for good. Every subgraph stops releasing data under it within a second.',
  })
  revokeAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { description: 'Why it is revoked; recorded in the register.' })
    reason: string,
    @Ctx() { caller, repositories }: GovernanceContext,
  ): Promise<Agreement> {
    return revokeAgreement(repositories, id, reason, authorOf(caller));
  }
}
