import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { trackerFieldOf } from '../../../platform/accessLog/accessLogFields';
import { type AgencyRecords, declareRecordLists } from './recordLists';

/** The population register's person, as the data governance service knows them: by national ID. */
@ObjectType({
  description:
    'A person in the population register. The data governance service adds who has used their data.',
})
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID, { name: 'id', description: 'Internal join key: the national ID.' })
  @Directive('@inaccessible')
  nationalId!: string;

  /** Every agency's records about the person, brought by the gateway. */
  tracked!: AgencyRecords[];
}

declareRecordLists(Person, trackerFieldOf, "records of releases of the person's data");
