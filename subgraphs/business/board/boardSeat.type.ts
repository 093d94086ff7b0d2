import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';
import { Person } from '../person/person.type';

/** One person's seat on one company's management board. */
@ObjectType({ description: "A person's seat on a company's management board." })
export class BoardSeat {
  registryCode!: string;
  /** The national ID of the person holding the seat: the seat's data subject. */
  subjectId!: string;

  // Nullable in the schema so that policy can withhold the person without losing the seat.
  @Field(() => Person, { nullable: true, description: 'The person holding the seat.' })
  person!: Person;

  @Field(() => String, {
    nullable: true,
    description: "The board member's name as filed with the register: public by law.",
  })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Role on the board: chair or member.' })
  role!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the person took the seat.' })
  since!: string | null;
}
