import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../../platform/graphql/DateTimeScalar';

@InputType('AccessLogFilter', {
  description: 'What to look for in the access logs; every criterion given narrows the search.',
})
export class AccessLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'The person the data is about (national ID).' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation that received the data.' })
  organisation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The official or system signed in at the organisation (national ID or client id).',
  })
  callerSubject?: string | null;

  @Field(() => String, { nullable: true, description: 'The declared purpose of use.' })
  purpose?: string | null;

  @Field(() => String, { nullable: true, description: 'The case reference given (x-case-id).' })
  caseId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only accesses made without a case reference; false: only those with one.',
  })
  withoutCaseId?: boolean | null;

  @Field(() => String, { nullable: true, description: 'One request, by its id.' })
  requestId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only the log of this agency (its subgraph name, such as tax).',
  })
  agency?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only accesses at or after this instant.',
  })
  from?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only accesses before this instant.',
  })
  to?: Date | null;
}
