import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';

/** One vaccine dose given to one person. */
@ObjectType({ description: 'A vaccine dose given to a person, as reported to the Health Board.' })
export class Vaccination {
  patientId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The vaccine given, such as MMR, Influenza or COVID-19.',
  })
  vaccine!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the dose was given.' })
  date!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Which dose of the course this was: 1 for the first.',
  })
  dose!: number | null;
}
