import { Field, ObjectType } from 'type-graphql';
import { AccessRecord } from '../../../platform/accessLog/AccessRecord';
import { PageInfo } from '../../../platform/graphql/PageInfo';

@ObjectType({ description: 'A page of access records, newest first across every agency.' })
export class AccessRecordConnection {
  @Field(() => [AccessRecord], { description: 'The records on this page.' })
  nodes!: AccessRecord[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [String], {
    description:
      'Agencies whose access log could not be read for this answer: their records are missing from it. Empty when the answer is complete.',
  })
  missingAgencies!: string[];
}
