import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { TaxContext } from '../context';
import { IncomeAssessment } from '../incomeAssessment/incomeAssessment.type';
import { taxPartyKey } from '../taxDebt/taxParty';
import { Person } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [IncomeAssessment], {
    nullable: true,
    description: 'Annual income tax assessments of the person, newest year first.',
  })
  async incomeAssessments(
    @Root() person: Person,
    @Arg('year', () => Int, {
      nullable: true,
      description: 'Only the assessment of this tax year.',
    })
    year: number | null | undefined,
    @Ctx() { loaders }: TaxContext,
  ): Promise<IncomeAssessment[]> {
    const assessments = await loaders.incomeAssessmentsByPerson.load(person.nationalId);
    // An omitted argument arrives as undefined, an explicit null as null: both mean every year.
    return year == null ? assessments : assessments.filter((a) => a.year === year);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Overdue tax the person owes the Tax Board, in euros; 0 when they owe nothing.',
  })
  async taxDebt(@Root() person: Person, @Ctx() { loaders }: TaxContext): Promise<number> {
    const key = taxPartyKey({ kind: 'person', id: person.nationalId });
    return (await loaders.taxDebtByParty.load(key))?.amount ?? 0;
  }
}
