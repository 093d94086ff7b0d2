import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { AGENCIES } from '../agencies';
import type { Db } from '../db/createDb';
import type { ReferenceResolvers } from '../federation/buildFederatedSchema';
import { AccessLogReader } from './AccessLogReader';
import { decodeCriteria, trackedSubjectOf } from './accessLogCriteria';
import { type GraphAgency, searchFieldOf, trackerFieldOf } from './accessLogFields';
import { type AccessLogLoaders, createAccessLogLoaders } from './accessLogLoaders';
import { AccessRecord } from './AccessRecord';

/** The description every subgraph gives the search entity. */
export const ACCESS_LOG_SEARCH_DESCRIPTION =
  "A search of every agency's access log for the Data Protection Inspectorate, keyed by its criteria.";

interface AccessLogContext {
  loaders: AccessLogLoaders;
}

/** What an agency's subgraph registers to take part in the data tracker and in oversight searches. */
export interface AgencyAccessLog {
  // type-graphql identifies resolvers and types by their classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes: Function[];
  referenceResolvers: ReferenceResolvers;
  /** The per-request loaders of the agency's own log; merged into the agency's loaders. */
  createLoaders(db: Db): AccessLogLoaders;
}

/** The description every subgraph gives the tracker page entity. */
export const DATA_TRACKER_PAGE_DESCRIPTION =
  "One page of a person's data tracker across every agency's access log, keyed by its criteria (the person, the period and the position).";

/**
 * Gives an agency a hidden list of its access records for the two entities keyed by their
 * criteria: one page of a person's data tracker (`DataTrackerPage.accessLogTax`) and one page
 * of an oversight search (`AccessLogSearch.recordsTax`). The page asked for is part of the key,
 * so each agency returns only what that page needs, and a tracker pages through every record,
 * however many. Only the governance service asks for them, through the gateway, to merge every
 * agency's records; their policy marks them as the audit trail, so reading them is not itself
 * recorded. Each agency gets classes of its own: a type's fields are its subgraph's.
 */
export function agencyAccessLog(agency: GraphAgency): AgencyAccessLog {
  @ObjectType('AccessLogSearch', { description: ACCESS_LOG_SEARCH_DESCRIPTION })
  @Directive('@key(fields: "criteria")')
  class AccessLogSearch {
    @Field(() => String, {
      description: 'Internal join key: the search criteria as canonical JSON.',
    })
    @Directive('@inaccessible')
    criteria!: string;
  }

  @ObjectType('DataTrackerPage', { description: DATA_TRACKER_PAGE_DESCRIPTION })
  @Directive('@key(fields: "criteria")')
  class DataTrackerPage {
    @Field(() => String, {
      description: 'Internal join key: the page criteria as canonical JSON.',
    })
    @Directive('@inaccessible')
    criteria!: string;

    /** The person the page is about: the data subject of every record on it. */
    subjectId!: string;
  }

  @Resolver(() => DataTrackerPage)
  class DataTrackerPageResolver {
    @FieldResolver(() => [AccessRecord], {
      name: trackerFieldOf(agency),
      nullable: true,
      description: `The ${AGENCIES[agency].title}'s records of releases of the person's data on this page, newest first.`,
    })
    @Directive('@inaccessible')
    async records(
      @Root() page: DataTrackerPage,
      @Ctx() { loaders }: AccessLogContext,
    ): Promise<AccessRecord[]> {
      return (await loaders.accessLogSearch.load(page.criteria)) as AccessRecord[];
    }
  }

  @Resolver(() => AccessLogSearch)
  class AccessLogSearchResolver {
    @FieldResolver(() => [AccessRecord], {
      name: searchFieldOf(agency),
      nullable: true,
      description: `The ${AGENCIES[agency].title}'s records the search finds, newest first.`,
    })
    @Directive('@inaccessible')
    async records(
      @Root() search: AccessLogSearch,
      @Ctx() { loaders }: AccessLogContext,
    ): Promise<AccessRecord[]> {
      return (await loaders.accessLogSearch.load(search.criteria)) as AccessRecord[];
    }
  }

  return {
    resolvers: [DataTrackerPageResolver, AccessLogSearchResolver],
    orphanedTypes: [AccessLogSearch, DataTrackerPage],
    referenceResolvers: {
      // Malformed criteria are refused before any statement runs.
      AccessLogSearch: (reference: { criteria: unknown }) => {
        const criteria = String(reference.criteria);
        decodeCriteria(criteria);
        return { criteria };
      },
      DataTrackerPage: (reference: { criteria: unknown }) => {
        const criteria = String(reference.criteria);
        return { criteria, subjectId: trackedSubjectOf(decodeCriteria(criteria)) };
      },
    },
    createLoaders: (db) => createAccessLogLoaders(new AccessLogReader(db, agency)),
  };
}
