import {
  type ClassType,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import { AGENCIES } from '../agencies';
import type { Db } from '../db/createDb';
import type { ReferenceResolvers } from '../federation/buildFederatedSchema';
import { AccessLogReader } from './AccessLogReader';
import { decodeCriteria } from './accessLogCriteria';
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

/**
 * Gives an agency's `Person` a hidden list of the agency's access records about the person
 * (`accessLogTax`), and the search entity a hidden list of the records a search finds
 * (`recordsTax`). Only the governance service asks for them, through the gateway, to merge
 * every agency's records; their policy marks them as the audit trail, so reading them is not
 * itself recorded. Each agency gets classes of its own: a type's fields are its subgraph's.
 */
export function agencyAccessLog(
  agency: GraphAgency,
  person: ClassType<{ nationalId: string }>,
): AgencyAccessLog {
  @ObjectType('AccessLogSearch', { description: ACCESS_LOG_SEARCH_DESCRIPTION })
  @Directive('@key(fields: "criteria")')
  class AccessLogSearch {
    @Field(() => String, {
      description: 'Internal join key: the search criteria as canonical JSON.',
    })
    @Directive('@inaccessible')
    criteria!: string;
  }

  @Resolver(() => person)
  class PersonAccessLogResolver {
    @FieldResolver(() => [AccessRecord], {
      name: trackerFieldOf(agency),
      nullable: true,
      description: `The ${AGENCIES[agency].title}'s records of releases of the person's data, newest first.`,
    })
    @Directive('@inaccessible')
    accessLog(
      @Root() { nationalId }: { nationalId: string },
      @Ctx() { loaders }: AccessLogContext,
    ): Promise<AccessRecord[]> {
      return loaders.accessLogBySubject.load(nationalId);
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
    resolvers: [PersonAccessLogResolver, AccessLogSearchResolver],
    orphanedTypes: [AccessLogSearch],
    referenceResolvers: {
      // Malformed criteria are refused before any statement runs.
      AccessLogSearch: (reference: { criteria: unknown }) => {
        const criteria = String(reference.criteria);
        decodeCriteria(criteria);
        return { criteria };
      },
    },
    createLoaders: (db) => createAccessLogLoaders(new AccessLogReader(db, agency)),
  };
}
