import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/DateTimeScalar';
import { ConsentStatus } from './ConsentStatus';

/** A person's consent that an organisation may read named fields for a purpose. */
@ObjectType({
  description:
    'Your consent that an organisation may read named fields about you, for one purpose, until it expires or you withdraw it.',
})
export class Consent {
  /** The person who gave it: the data subject of every field. */
  subjectId!: string;

  @Field(() => ID, { description: 'The consent, by id; use it to withdraw the consent.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The organisation it lets read (its code).' })
  organisation!: string | null;

  @Field(() => String, { nullable: true, description: 'The purpose it serves (its code).' })
  purpose!: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The fields it covers: `Type.field`, or `Type.*` for a whole type.',
  })
  fields!: string[] | null;

  @Field(() => ConsentStatus, { nullable: true, description: 'Where it stands.' })
  status!: ConsentStatus | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was given.' })
  grantedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it lapses by itself.' })
  expiresAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was withdrawn, if it was.' })
  withdrawnAt!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many days the organisation may keep what it read (the DataLife of a consent artefact); null: as its agreement allows.',
  })
  dataLifeDays!: number | null;
}
