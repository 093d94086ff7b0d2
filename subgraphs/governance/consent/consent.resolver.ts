import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireCitizen } from '../../../platform/context/requireCitizen';
import type { GovernanceContext } from '../context';
import { Organisation } from '../organisation/organisation.type';
import { Consent } from './consent.type';
import { GrantConsentInput } from './consentInput';
import { grantConsent, withdrawConsent } from './consentRegister';

/** A citizen's own consents; policy reserves these operations to signed-in citizens. */
@Resolver(() => Consent)
export class ConsentResolver {
  @Query(() => [Consent], {
    nullable: true,
    description: 'The consents you have given, in any status, the most recent first.',
  })
  myConsents(@Ctx() { caller, repositories }: GovernanceContext): Promise<Consent[]> {
    return repositories.consents.findBySubject(requireCitizen(caller));
  }

  @Mutation(() => Consent, {
    nullable: true,
    description:
      'Lets an organisation read named fields about you for one purpose, where an agreement resting on consent allows it.',
  })
  grantConsent(
    @Arg('input', () => GrantConsentInput) input: GrantConsentInput,
    @Ctx() { caller, repositories }: GovernanceContext,
  ): Promise<Consent> {
    return grantConsent(repositories, requireCitizen(caller), input);
  }

  @Mutation(() => Consent, {
    nullable: true,
    description: 'Withdraws one of your consents; nothing more is released under it.',
  })
  withdrawConsent(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, repositories }: GovernanceContext,
  ): Promise<Consent> {
    return withdrawConsent(repositories, requireCitizen(caller), id);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The organisation it lets read, as registered.',
  })
  consumerOrganisation(
    @Root() consent: Consent,
    @Ctx() { loaders }: GovernanceContext,
  ): Promise<Organisation | null> | null {
    return consent.organisation === null
      ? null
      : loaders.organisationByCode.load(consent.organisation);
  }
}
