import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../platform/errors/clientErrors';
import { keysetPage } from '../../../platform/pagination/keysetPage';
import { BoardSeat } from '../board/boardSeat.type';
import type { BusinessContext } from '../context';
import { Person } from '../person/person.type';
import { assertRegistryCode } from './assertRegistryCode';
import { CompanyConnection } from './company.connection';
import { Company } from './company.type';

const MAX_PAGE = 1000;

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => Company, { nullable: true, description: 'One company, by registry code.' })
  async company(
    @Arg('registryCode', () => ID, { description: 'The 8-digit registry code.' })
    registryCode: string,
    @Ctx() { loaders }: BusinessContext,
  ): Promise<Company> {
    assertRegistryCode(registryCode, 'registryCode');
    const company = await loaders.companyByRegistryCode.load(registryCode);
    if (!company) throw notFound(`No company with registryCode ${registryCode} is registered`);
    return company;
  }

  @Query(() => CompanyConnection, {
    nullable: true,
    description: 'The register, a page at a time, in registry code order.',
  })
  async companies(
    @Arg('first', () => Int, { defaultValue: 20, description: `Page size, at most ${MAX_PAGE}.` })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page.',
    })
    after: string | null,
    @Ctx() { repositories, loaders }: BusinessContext,
  ): Promise<CompanyConnection> {
    return keysetPage({
      first,
      after,
      max: MAX_PAGE,
      fetch: (afterCode, limit) => repositories.companies.page(afterCode, limit),
      keyOf: (company) => company.registryCode,
      prime: (company) => loaders.companyByRegistryCode.prime(company.registryCode, company),
    });
  }

  // Nullable so that policy can withhold the people without losing the company.
  @FieldResolver(() => [Person], {
    nullable: true,
    description: 'The people on the management board, the chair first.',
  })
  async boardMembers(
    @Root() company: Company,
    @Ctx() { loaders }: BusinessContext,
  ): Promise<Person[]> {
    return (await loaders.boardSeatsOfCompany.load(company.registryCode)).map(
      (seat) => seat.person,
    );
  }

  @FieldResolver(() => [BoardSeat], {
    nullable: true,
    description:
      'The seats on the management board, with the role and start date of each, the chair first.',
  })
  boardSeats(@Root() company: Company, @Ctx() { loaders }: BusinessContext): Promise<BoardSeat[]> {
    return loaders.boardSeatsOfCompany.load(company.registryCode);
  }
}
