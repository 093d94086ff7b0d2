import { Field, ID, ObjectType } from 'type-graphql';
import { OrganisationKind } from './OrganisationKind';

/** An organisation that may be party to data-sharing agreements. */
@ObjectType({ description: 'An organisation that may provide or receive data under agreements.' })
export class Organisation {
  @Field(() => ID, { description: 'Its code, as callers and agreements name it.' })
  code!: string;

  @Field(() => String, { description: 'Its official name.' })
  name!: string;

  @Field(() => OrganisationKind, { description: 'What kind of organisation it is.' })
  kind!: 'agency' | 'public-body' | 'private';

  @Field(() => String, { description: 'What it does, in a sentence; may be empty.' })
  description!: string;
}
