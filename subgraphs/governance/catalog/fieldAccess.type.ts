import { Field, ObjectType } from 'type-graphql';
import { Agreement } from '../agreement/agreement.type';
import { AccessDecision } from './AccessDecision';

/** What the caller would get of a field, and why. */
@ObjectType({
  description:
    'What the caller would get of a field if they asked now, with the purpose they declared, and why.',
})
export class FieldAccess {
  @Field(() => AccessDecision, { description: 'What policy does with the field.' })
  decision!: AccessDecision;

  @Field(() => String, { description: 'Why, in words, or what would be needed.' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The purpose the decision was made for (the x-purpose header), if any.',
  })
  purpose!: string | null;

  @Field(() => Agreement, {
    nullable: true,
    description: 'The agreement the release would rest on, if it rests on one.',
  })
  agreement!: Agreement | null;
}
