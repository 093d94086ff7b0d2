import type { GraphQLSchema } from 'graphql';
import { applyFieldPolicy } from '../../platform/policy/applyFieldPolicy';
import { buildFederatedSchema } from '../../platform/federation/buildFederatedSchema';
import type { Db } from '../../platform/db/createDb';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { populationAccessLog } from './accessLog/accessLog';
import { populationStatistics } from './statistics/statistics';
import { HouseholdResolver } from './household/household.resolver';
import { createPopulationLoaders, type PopulationLoaders } from './loaders';
import { resolvePersonReference } from './person/person.reference';
import { PersonResolver } from './person/person.resolver';
import { createPopulationRepositories, type PopulationRepositories } from './repositories';
import { populationPolicy } from './policy';

/** The population register: people, addresses, households and family relations. */
export async function createPopulationSubgraph(
  db: Db,
): Promise<AgencySubgraph<PopulationLoaders, PopulationRepositories>> {
  const repositories = createPopulationRepositories(db);
  const schema = await buildPopulationSchema();
  return {
    name: 'population',
    schema: applyFieldPolicy(schema, populationPolicy),
    fieldPolicy: populationPolicy,
    readOnlyQueries: true,
    repositories,
    createLoaders: () => ({
      ...createPopulationLoaders(repositories),
      ...populationAccessLog.createLoaders(db),
      ...populationStatistics.createLoaders(db),
    }),
  };
}

/** The population subgraph's schema before its field policy; the service serves it only with the policy applied. */
export function buildPopulationSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      PersonResolver,
      HouseholdResolver,
      ...populationAccessLog.resolvers,
      ...populationStatistics.resolvers,
    ],
    orphanedTypes: [...populationAccessLog.orphanedTypes, ...populationStatistics.orphanedTypes],
    referenceResolvers: {
      Person: resolvePersonReference,
      ...populationAccessLog.referenceResolvers,
      ...populationStatistics.referenceResolvers,
    },
  });
}
