import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PopulationContext } from '../context';
import { Address } from '../person/address.type';
import { Person } from '../person/person.type';
import { Household } from './household.type';

@Resolver(() => Household)
export class HouseholdResolver {
  @FieldResolver(() => Address, { nullable: true, description: 'The address of the household.' })
  address(
    @Root() household: Household,
    @Ctx() { loaders }: PopulationContext,
  ): Promise<Address | null> {
    return loaders.addressById.load(household.addressId);
  }

  @FieldResolver(() => [Person], {
    nullable: true,
    description: 'Everyone registered in the household, oldest first.',
  })
  members(@Root() household: Household, @Ctx() { loaders }: PopulationContext): Promise<Person[]> {
    return loaders.householdMembers.load(Number(household.id));
  }
}
