import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/DateTimeScalar';
import { CallerKind } from './CallerKind';

/**
 * One record of an agency's access log: which personal data about whom it released, to whom,
 * why and when. The same value type in every subgraph: agencies serve their own records, the
 * governance service merges them into a person's data tracker and the inspectorate's searches.
 */
@ObjectType({
  description:
    'One release of personal data about a person, as recorded in the access log of the agency that released it. Reading these records is not itself recorded.',
})
@Directive('@shareable')
export class AccessRecord {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the data was released (to the millisecond).',
  })
  accessedAt!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The agency whose register released the data (its subgraph name, such as tax).',
  })
  agency!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The organisation the data was released to (its code); null when the person read their own data.',
  })
  organisation!: string | null;

  @Field(() => CallerKind, { nullable: true, description: 'Who received the data.' })
  callerKind!: CallerKind;

  @Field(() => String, {
    nullable: true,
    description:
      "The official or system signed in at the organisation (a national ID or a client id), or the person. For supervision only: a person's own tracker names the organisation, not its staff (CJEU C-579/21).",
  })
  callerSubject!: string | null;

  /** The person the data is about: the data subject of every field of the record. */
  @Field(() => ID, {
    name: 'subject',
    nullable: true,
    description: 'The national ID of the person the data is about.',
  })
  subjectId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The purpose of use the caller declared (its code).',
  })
  purpose!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The case, application or document the caller gave as the reason (x-case-id).',
  })
  caseId!: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The fields released, as `Type.field`.',
  })
  fields!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "The request's id: the records of one request share it in every agency; quote it to the Data Protection Inspectorate.",
  })
  requestId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The record's number in its agency's hash-chained log: with the agency, it names the record.",
  })
  sequence!: string;
}
