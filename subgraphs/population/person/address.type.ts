import { Field, ObjectType } from 'type-graphql';

/** A registered residential address. */
@ObjectType({ description: 'A residential address from the address register.' })
export class Address {
  id!: number;

  @Field(() => String, { nullable: true, description: 'Street and house number.' })
  street!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'City, town or village.' })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'Local government (municipality).' })
  municipality!: string | null;
}
