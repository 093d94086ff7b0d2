import { Arg, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { encodeCriteria, MAX_SEARCH_LIMIT } from '../../../platform/accessLog/accessLogCriteria';
import { searchFieldOf } from '../../../platform/accessLog/accessLogFields';
import { pageSize } from '../../../platform/pagination/cursor';
import type { GovernanceAccessLogContext } from './accessLogContext';
import { decodePosition, mergedPage } from './accessLogPage';
import { AccessLogFilterInput } from './AccessLogFilterInput';
import { AccessLogSearch } from './accessLogSearch.type';
import { AccessRecordConnection } from './AccessRecordConnection';
import { requiredLists } from './recordLists';
import { searchCriteria } from './searchCriteria';

// Each agency returns one record more than a page, to tell whether another page follows.
const MAX_PAGE = MAX_SEARCH_LIMIT - 1;

// What a supervisor sees of each record: all of it. Searches come from this subgraph, which
// serves none of the lists, so any may lead.
const SEARCH_FIELDS =
  'accessedAt organisation callerKind callerSubject subject purpose caseId fields requestId sequence';

/**
 * Oversight of every agency's access log by the Data Protection Inspectorate: the page
 * requested is part of the search's key, so every agency returns only what that page needs.
 */
@Resolver(() => AccessLogSearch)
export class AccessLogSearchResolver {
  @Query(() => AccessLogSearch, {
    nullable: true,
    description:
      "Searches every agency's access log: who received which personal data, about whom, for what and when, newest first. For supervision under an agreement; reading the log is not itself recorded.",
  })
  accessLogSearch(
    @Arg('filter', () => AccessLogFilterInput) filter: AccessLogFilterInput,
    @Arg('first', () => Int, { defaultValue: 50, description: `Page size, at most ${MAX_PAGE}.` })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page of the same search.',
    })
    after: string | null,
  ): AccessLogSearch {
    const criteria = searchCriteria(filter, {
      first: pageSize(first, MAX_PAGE),
      after: after ? decodePosition(after) : null,
    });
    return { criteria: encodeCriteria(criteria), found: [] };
  }

  @FieldResolver(() => AccessRecordConnection, {
    nullable: true,
    description: 'The page of records found, newest first across every agency.',
  })
  @Directive(`@requires(fields: "${requiredLists(searchFieldOf, SEARCH_FIELDS, 'population')}")`)
  results(
    @Root() search: AccessLogSearch,
    @Ctx() context: GovernanceAccessLogContext,
  ): Promise<AccessRecordConnection> {
    return mergedPage(search.criteria, search.found, context);
  }
}
