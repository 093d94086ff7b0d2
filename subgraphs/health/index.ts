import type { GraphQLSchema } from 'graphql';
import { applyFieldPolicy } from '../../platform/policy/applyFieldPolicy';
import { buildFederatedSchema } from '../../platform/federation/buildFederatedSchema';
import type { Db } from '../../platform/db/createDb';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { healthAccessLog } from './accessLog/accessLog';
import { createHealthLoaders, type HealthLoaders } from './loaders';
import { resolvePersonReference } from './person/person.reference';
import { PersonResolver } from './person/person.resolver';
import { Person } from './person/person.type';
import { createHealthRepositories, type HealthRepositories } from './repositories';
import { healthPolicy } from './policy';

/** The Health Board: vaccinations and family doctor (GP) registrations. */
export async function createHealthSubgraph(
  db: Db,
): Promise<AgencySubgraph<HealthLoaders, HealthRepositories>> {
  const repositories = createHealthRepositories(db);
  const schema = await buildHealthSchema();
  return {
    name: 'health',
    schema: applyFieldPolicy(schema, healthPolicy),
    fieldPolicy: healthPolicy,
    readOnlyQueries: true,
    repositories,
    createLoaders: () => ({
      ...createHealthLoaders(repositories),
      ...healthAccessLog.createLoaders(db),
    }),
  };
}

/** The health subgraph's schema before its field policy; the service serves it only with the policy applied. */
export function buildHealthSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [PersonResolver, ...healthAccessLog.resolvers],
    // No Query field of its own reaches the person, so it is named here.
    orphanedTypes: [Person, ...healthAccessLog.orphanedTypes],
    referenceResolvers: {
      Person: resolvePersonReference,
      ...healthAccessLog.referenceResolvers,
    },
  });
}
