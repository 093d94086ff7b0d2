import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BenefitClaim } from '../benefitClaim/benefitClaim.type';
import type { SocialContext } from '../context';
import { Person } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [BenefitClaim], {
    nullable: true,
    description: 'Benefits the person has claimed, in any status, the most recently started first.',
  })
  benefitClaims(
    @Root() person: Person,
    @Ctx() { loaders }: SocialContext,
  ): Promise<BenefitClaim[]> {
    return loaders.benefitClaimsByClaimant.load(person.nationalId);
  }
}
