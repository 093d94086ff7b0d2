import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';

/** A road vehicle in the Transport Authority's register. */
@ObjectType({ description: "A road vehicle in the Transport Authority's register." })
@Directive('@key(fields: "id")')
export class Vehicle {
  @Field(() => ID, {
    nullable: true,
    description:
      'The registration (licence plate) number, capital letters and digits without spaces.',
  })
  registrationNumber!: string;

  ownerId!: string;

  @Field(() => String, { nullable: true, description: 'Manufacturer, such as Toyota.' })
  make!: string | null;

  @Field(() => String, { nullable: true, description: 'Model, such as RAV4.' })
  model!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the vehicle was first registered.',
  })
  firstRegistered!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Fuel or power source: petrol, diesel, hybrid or electric.',
  })
  fuel!: string | null;

  @Field(() => String, { nullable: true, description: 'Colour as registered, such as grey.' })
  colour!: string | null;
}
