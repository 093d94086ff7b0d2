import { Field, ID, ObjectType } from 'type-graphql';

/** People registered as living together at one address. */
@ObjectType({ description: 'The people registered as living together at one address.' })
export class Household {
  @Field(() => ID, { description: 'Household number in the register.' })
  id!: string;

  addressId!: number;
}
