import { Directive, Field, ObjectType } from 'type-graphql';
import { searchFieldOf } from '../../../platform/accessLog/accessLogFields';
import { ACCESS_LOG_SEARCH_DESCRIPTION } from '../../../platform/accessLog/agencyAccessLog';
import { type AgencyRecords, declareRecordLists } from './recordLists';

/**
 * One page of an oversight search, keyed by its criteria; every agency answers it from its own
 * log, and `results` merges what they found.
 */
@ObjectType({ description: ACCESS_LOG_SEARCH_DESCRIPTION })
@Directive('@key(fields: "criteria")')
export class AccessLogSearch {
  @Field(() => String, { description: 'Internal join key: the search criteria as canonical JSON.' })
  @Directive('@inaccessible')
  criteria!: string;

  /** What every agency found, brought by the gateway. */
  found!: AgencyRecords[];
}

declareRecordLists(AccessLogSearch, searchFieldOf, 'records the search finds');
