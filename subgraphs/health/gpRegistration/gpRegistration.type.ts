import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';

/** A person's registration with a family doctor. */
@ObjectType({ description: "A person's registration on a family doctor's (GP's) patient list." })
export class GpRegistration {
  patientId!: string;

  @Field(() => String, { nullable: true, description: 'The GP practice.' })
  practice!: string | null;

  @Field(() => String, { nullable: true, description: 'The family doctor at the practice.' })
  physician!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Date the person joined the doctor's patient list.",
  })
  since!: string | null;
}
