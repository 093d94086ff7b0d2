import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { MAX_SUBJECTS_PER_REQUEST } from '../../../platform/accessLog/accessLogBound';
import { notFound } from '../../../platform/errors/clientErrors';
import { requireCitizen } from '../../../platform/context/requireCitizen';
import { keysetPage } from '../../../platform/pagination/keysetPage';
import { assertNationalId } from '../../../platform/identity/assertNationalId';
import type { PopulationContext } from '../context';
import { Household } from '../household/household.type';
import { Address } from './address.type';
import { PersonConnection } from './person.connection';
import { Person } from './person.type';

// A page is as long as one request's access records may be.
const MAX_PAGE = MAX_SUBJECTS_PER_REQUEST;

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person, by national ID.' })
  async person(
    @Arg('nationalId', () => ID) nationalId: string,
    @Ctx() { loaders }: PopulationContext,
  ): Promise<Person> {
    assertNationalId(nationalId, 'nationalId');
    const person = await loaders.personById.load(nationalId);
    if (!person) throw notFound(`No person with nationalId ${nationalId} is registered`);
    return person;
  }

  @Query(() => PersonConnection, {
    description:
      'The register, a page at a time, in a fixed pseudonymous order (not by national ID, which encodes sex and date of birth).',
  })
  async people(
    @Arg('first', () => Int, { defaultValue: 20, description: `Page size, at most ${MAX_PAGE}.` })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page.',
    })
    after: string | null,
    @Ctx() { repositories, loaders }: PopulationContext,
  ): Promise<PersonConnection> {
    return keysetPage({
      first,
      after,
      max: MAX_PAGE,
      fetch: (afterId, limit) => repositories.people.page(afterId, limit),
      keyOf: (person) => person.listKey,
      prime: (person) => loaders.personById.prime(person.nationalId, person),
    });
  }

  @Query(() => Person, { nullable: true, description: "The signed-in citizen's own record." })
  async me(@Ctx() { caller, loaders }: PopulationContext): Promise<Person> {
    const subject = requireCitizen(caller);
    const person = await loaders.personById.load(subject);
    if (!person) throw notFound('The signed-in person is not in the population register');
    return person;
  }

  // The graph joins people on this hidden key, so that `nationalId` itself stays under policy.
  @FieldResolver(() => ID, { description: 'Internal join key: the national ID.' })
  @Directive('@inaccessible')
  id(@Root() person: Person): string {
    return person.nationalId;
  }

  @FieldResolver(() => Address, { nullable: true, description: 'Registered residential address.' })
  address(
    @Root() person: Person,
    @Ctx() { loaders }: PopulationContext,
  ): Promise<Address | null> | null {
    return person.addressId === null ? null : loaders.addressById.load(person.addressId);
  }

  @FieldResolver(() => Household, {
    nullable: true,
    description: 'The household the person is registered in.',
  })
  household(
    @Root() person: Person,
    @Ctx() { loaders }: PopulationContext,
  ): Promise<Household | null> | null {
    return person.householdId === null ? null : loaders.householdById.load(person.householdId);
  }

  @FieldResolver(() => [Person], { nullable: true, description: 'Registered parents.' })
  async parents(@Root() person: Person, @Ctx() { loaders }: PopulationContext): Promise<Person[]> {
    return (await loaders.parentsOf.load(person.nationalId)).map((related) => related.person);
  }

  @FieldResolver(() => [Person], { nullable: true, description: 'Registered children.' })
  async children(@Root() person: Person, @Ctx() { loaders }: PopulationContext): Promise<Person[]> {
    return (await loaders.childrenOf.load(person.nationalId)).map((related) => related.person);
  }
}
