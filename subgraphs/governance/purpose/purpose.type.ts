import { Field, ID, ObjectType } from 'type-graphql';

/** A purpose of use a request may declare (GDPR art. 5(1)(b)). */
@ObjectType({
  description:
    'A purpose of use: a request declares one in the x-purpose header, and agreements name those they serve.',
})
export class Purpose {
  @Field(() => ID, { description: 'Its code, as sent in x-purpose.' })
  code!: string;

  @Field(() => String, { description: 'What the purpose is, in a few words.' })
  title!: string;

  @Field(() => String, { description: 'A longer explanation; may be empty.' })
  description!: string;
}
