import { Directive, Field, ObjectType } from 'type-graphql';
import { trackerFieldOf } from '../../../platform/accessLog/accessLogFields';
import { DATA_TRACKER_PAGE_DESCRIPTION } from '../../../platform/accessLog/agencyAccessLog';
import { type AgencyRecords, declareRecordLists } from './recordLists';

/**
 * One page of a person's data tracker, keyed by its criteria (the person, the period and the
 * position): every agency answers it from its own log, and this service merges what they found
 * (`nodes`, `pageInfo` and `missingAgencies`, in dataTrackerPage.resolver.ts).
 */
@ObjectType({ description: DATA_TRACKER_PAGE_DESCRIPTION })
@Directive('@key(fields: "criteria")')
export class DataTrackerPage {
  @Field(() => String, { description: 'Internal join key: the page criteria as canonical JSON.' })
  @Directive('@inaccessible')
  criteria!: string;

  /** The person the page is about: the data subject of every record on it. */
  subjectId!: string;

  /** What every agency found, brought by the gateway. */
  found!: AgencyRecords[];
}

declareRecordLists(DataTrackerPage, trackerFieldOf, "records of releases of the person's data");
