import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { Db } from '../db/createDb';
import type { ReferenceResolvers } from '../federation/buildFederatedSchema';
import type { TypePolicy } from '../policy/fieldPolicy';
import { joinKey, statisticsOperation } from '../policy/fieldPolicy';
import type { RequestPolicy } from '../policy/RequestPolicy';
import { extractFieldOf, STATISTICAL_TABLE_DESCRIPTION } from './extractFields';
import { ownedVariableList, ownedVariables } from './ownedVariables';
import { pseudonymKey } from './pseudonymKey';
import { BUSY, concurrencyLimit } from './concurrencyLimit';
import {
  type BusyExtract,
  type CellsExtract,
  EMPTY_EXTRACT,
  type RefusedExtract,
  type UnitsExtract,
} from './StatisticsExtract';
import { StatisticsRepository } from './StatisticsRepository';
import type { StatisticsSource } from './StatisticsSource';
import { isSingleAgency, readJob } from './StatisticsSpec';
import { grantVariables } from './statisticsGrants';

interface StatisticsContext {
  /** The gateway's id of the client request, from its signed token. */
  requestId: string;
  policy: RequestPolicy;
  loaders: { statistics: StatisticsRepository };
  /** The secret the agencies share for pseudonyms; governance has none. */
  statisticsSecret: Buffer | null;
}

/**
 * Statistics reads an agency's process runs at once, and how many more may wait: each running
 * one holds a database connection for its statement and, for a table joined across agencies,
 * about 70 MB while it pseudonymises a million units; a waiting one holds neither. Beyond both,
 * a table is refused as busy at once, so that a burst of tables neither exhausts the
 * connections the agency's other queries need nor its memory.
 */
export const STATISTICS_READS = { running: 2, queued: 64 };

/** What an agency's subgraph registers to contribute to statistical tables. */
export interface AgencyStatistics {
  // type-graphql identifies resolvers and types by their classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes: Function[];
  referenceResolvers: ReferenceResolvers;
  policyTypes: Record<string, TypePolicy>;
  createLoaders(db: Db): { statistics: StatisticsRepository };
}

/**
 * Gives an agency a hidden field of `StatisticalTable` (`taxExtract`) through which it computes
 * its part of a table over its own data, for the governance service to join. Only the graph
 * reaches it, with the caller's identity: every variable the agency holds for the table must
 * be granted to the caller (statisticsGrants.ts), or the whole part is refused. When the agency
 * holds every variable it returns the cells (one GROUP BY); otherwise its units under the
 * query's pseudonyms; an agency holding none returns an empty extract at once.
 */
export function agencyStatistics(source: StatisticsSource): AgencyStatistics {
  const field = extractFieldOf(source.agency);
  const reads = concurrencyLimit(STATISTICS_READS);

  @ObjectType('StatisticalTable', { description: STATISTICAL_TABLE_DESCRIPTION })
  @Directive('@key(fields: "job")')
  class StatisticalTable {
    @Field(() => String, { description: 'Internal join key: the table asked for and a nonce.' })
    @Directive('@inaccessible')
    job!: string;
  }

  @Resolver(() => StatisticalTable)
  class StatisticalTableResolver {
    @FieldResolver(() => String, {
      name: field,
      nullable: true,
      description: `The part of the table the ${source.agency} agency computes, for the governance service only.`,
    })
    @Directive('@inaccessible')
    async extract(
      @Root() table: StatisticalTable,
      @Ctx() context: StatisticsContext,
    ): Promise<string> {
      const { resolved } = readJob(table.job);
      const variables = ownedVariableList(resolved, source.agency);
      if (variables.length === 0) return EMPTY_EXTRACT;
      const grants = grantVariables(context.policy, variables);
      // The refusal travels to the governance service, which refuses the table with it: the
      // gateway does not pass on errors of hidden fields.
      if (grants instanceof Error)
        return JSON.stringify({
          mode: 'refused',
          reason: grants.message,
        } satisfies RefusedExtract);
      const owned = ownedVariables(resolved, source.agency);
      const repository = context.loaders.statistics;
      const secret = context.statisticsSecret;
      if (!isSingleAgency(resolved) && !secret)
        throw new Error(`${source.agency} holds no statistics pseudonym secret`);
      const extract = await reads.run<CellsExtract | UnitsExtract>(() =>
        isSingleAgency(resolved)
          ? repository.cells(owned)
          : repository.units(owned, pseudonymKey(secret!, context.requestId, table.job)),
      );
      if (extract === BUSY)
        return JSON.stringify({
          mode: 'busy',
          reason: `the ${source.agency} agency is computing ${STATISTICS_READS.running + STATISTICS_READS.queued} tables already`,
        } satisfies BusyExtract);
      // Only what is released is recorded as used.
      for (const agreement of grants.released) context.policy.dataUse.record(agreement);
      return JSON.stringify({
        ...extract,
        minCellSize: grants.minCellSize,
        agreements: grants.agreements,
      });
    }
  }

  return {
    resolvers: [StatisticalTableResolver],
    orphanedTypes: [StatisticalTable],
    referenceResolvers: {
      // A malformed job is refused before any statement runs.
      StatisticalTable: (reference: { job: unknown }) => {
        const job = String(reference.job);
        readJob(job);
        return { job };
      },
    },
    policyTypes: {
      StatisticalTable: { subject: 'none', fields: { job: joinKey, [field]: statisticsOperation } },
    },
    createLoaders: (db) => ({ statistics: new StatisticsRepository(db, source) }),
  };
}
