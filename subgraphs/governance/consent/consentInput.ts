import { Field, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../graphql/DateTimeScalar';

@InputType({
  description:
    'A consent to give: which organisation may read which fields about you, for which purpose, until when.',
})
export class GrantConsentInput {
  @Field(() => String, { description: 'The organisation, by code (see Query.organisations).' })
  organisation!: string;

  @Field(() => String, { description: 'The purpose, by code (see Query.purposes).' })
  purpose!: string;

  @Field(() => [String], {
    description:
      'The fields it may read: `Type.field`, or `Type.*`; each must be covered by an agreement resting on consent.',
  })
  fields!: string[];

  @Field(() => DateTimeScalar, { description: 'When the consent lapses by itself.' })
  expiresAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many days the organisation may keep what it read; at most what its agreement allows.',
  })
  dataLifeDays?: number | null;
}
