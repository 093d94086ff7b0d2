import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { TaxContext } from '../context';
import { taxPartyKey } from '../taxDebt/taxParty';
import { Company } from './company.type';

@Resolver(() => Company)
export class CompanyResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Overdue tax the company owes the Tax Board, in euros; 0 when it owes nothing.',
  })
  async taxDebt(@Root() company: Company, @Ctx() { loaders }: TaxContext): Promise<number> {
    const key = taxPartyKey({ kind: 'company', id: company.registryCode });
    return (await loaders.taxDebtByParty.load(key))?.amount ?? 0;
  }
}
