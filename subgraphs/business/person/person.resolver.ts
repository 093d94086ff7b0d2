import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BusinessContext } from '../context';
import { Company } from '../company/company.type';
import { Person } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Company], {
    nullable: true,
    description: 'Companies on whose management board the person sits, in registry code order.',
  })
  async boardMemberships(
    @Root() person: Person,
    @Ctx() { loaders }: BusinessContext,
  ): Promise<Company[]> {
    return (await loaders.boardMembershipsOf.load(person.nationalId)).map(
      (membership) => membership.company,
    );
  }
}
