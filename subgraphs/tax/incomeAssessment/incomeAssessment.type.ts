import { Field, Float, Int, ObjectType } from 'type-graphql';

/** One person's income tax assessment for one tax year. */
@ObjectType({ description: "The Tax Board's assessment of a person's income tax for one year." })
export class IncomeAssessment {
  nationalId!: string;

  @Field(() => Int, { nullable: true, description: 'The tax year assessed.' })
  year!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Income subject to income tax in the year, in euros.',
  })
  taxableIncome!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Income tax paid or withheld for the year, in euros.',
  })
  taxPaid!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Taxable income as a band of 10,000 euros, such as "30000-39999": the form released for statistics and to lenders.',
  })
  incomeBand!: string | null;
}
