import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Agreement } from '../agreement/agreement.type';
import type { GovernanceContext } from '../context';
import { Organisation } from './organisation.type';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => [Organisation], {
    description: 'Every organisation that may provide or receive data, by code.',
  })
  organisations(@Ctx() { repositories }: GovernanceContext): Promise<Organisation[]> {
    return repositories.organisations.findAll();
  }

  @FieldResolver(() => [Agreement], {
    description: 'The agreements under which the organisation receives data, in any status.',
  })
  agreements(
    @Root() organisation: Organisation,
    @Ctx() { loaders }: GovernanceContext,
  ): Promise<Agreement[]> {
    return loaders.agreementsByConsumer.load(organisation.code);
  }
}
