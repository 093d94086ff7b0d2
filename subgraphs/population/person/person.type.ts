import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';

/** A person in the population register, the entity every agency extends. */
@ObjectType({
  description: 'A person in the population register. Other agencies add what they hold about them.',
})
@Directive('@key(fields: "id")')
export class Person {
  // Nullable so that policy can withhold it without withholding the whole person.
  @Field(() => ID, {
    nullable: true,
    description: 'The national identification number (personal code).',
  })
  nationalId!: string;

  @Field(() => String, { nullable: true, description: 'Given name(s).' })
  givenName!: string | null;

  @Field(() => String, { nullable: true, description: 'Family name.' })
  familyName!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of birth.' })
  dateOfBirth!: string | null;

  @Field(() => String, { nullable: true, description: 'Sex as registered: F or M.' })
  sex!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of death, if the person has died.',
  })
  dateOfDeath!: string | null;

  /** The random key the register is listed in: it says nothing about the person. */
  listKey!: string;
  householdId!: number | null;
  addressId!: number | null;
}
