import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { trackerFieldOf } from '../../../platform/accessLog/accessLogFields';
import { AccessRecord } from '../../../platform/accessLog/AccessRecord';
import { PageInfo } from '../../../platform/graphql/PageInfo';
import type { GovernanceAccessLogContext } from './accessLogContext';
import { mergedPage } from './accessLogPage';
import type { AccessRecordConnection } from './AccessRecordConnection';
import { DataTrackerPage } from './dataTrackerPage.type';
import { requiredLists } from './recordLists';

// What a person's tracker shows of each record: the organisation, not who in it (see AccessRecord).
const TRACKER_FIELDS =
  'accessedAt organisation callerKind purpose caseId fields requestId sequence';
// Tracker pages come from this subgraph, which serves none of the lists, so any may lead.
const REQUIRES = `@requires(fields: "${requiredLists(trackerFieldOf, TRACKER_FIELDS, 'population')}")`;

type Found = Pick<DataTrackerPage, 'criteria' | 'found'>;

/** Merges a tracker page from what every agency found and this service's own log. */
@Resolver(() => DataTrackerPage)
export class DataTrackerPageResolver {
  // Each of the page's fields needs the same merge: it is made once per page.
  private readonly pages = new WeakMap<Found, Promise<AccessRecordConnection>>();

  // Nullable, as every field policy may withhold.
  @FieldResolver(() => [AccessRecord], {
    nullable: true,
    description: 'The records on this page, newest first.',
  })
  @Directive(REQUIRES)
  async nodes(@Root() page: Found, @Ctx() context: GovernanceAccessLogContext) {
    return (await this.merged(page, context)).nodes;
  }

  @FieldResolver(() => PageInfo, { nullable: true })
  @Directive(REQUIRES)
  async pageInfo(@Root() page: Found, @Ctx() context: GovernanceAccessLogContext) {
    return (await this.merged(page, context)).pageInfo;
  }

  @FieldResolver(() => [String], {
    nullable: true,
    description:
      'Agencies whose access log could not be read for this answer: their records are missing from it. Empty when the answer is complete.',
  })
  @Directive(REQUIRES)
  async missingAgencies(@Root() page: Found, @Ctx() context: GovernanceAccessLogContext) {
    return (await this.merged(page, context)).missingAgencies;
  }

  private merged(page: Found, context: GovernanceAccessLogContext) {
    let merged = this.pages.get(page);
    if (!merged) {
      merged = mergedPage(page.criteria, page.found, context);
      this.pages.set(page, merged);
    }
    return merged;
  }
}
