import type { GraphQLSchema } from 'graphql';
import { applyFieldPolicy } from '../../platform/policy/applyFieldPolicy';
import { buildFederatedSchema } from '../../platform/federation/buildFederatedSchema';
import type { Db } from '../../platform/db/createDb';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { transportAccessLog } from './accessLog/accessLog';
import { transportStatistics } from './statistics/statistics';
import { createTransportLoaders, type TransportLoaders } from './loaders';
import { resolvePersonReference } from './person/person.reference';
import { PersonResolver } from './person/person.resolver';
import { Person } from './person/person.type';
import { createTransportRepositories, type TransportRepositories } from './repositories';
import { resolveVehicleReference } from './vehicle/vehicle.reference';
import { VehicleResolver } from './vehicle/vehicle.resolver';
import { transportPolicy } from './policy';

/** The Transport Authority: vehicles, their owners and driving licences. */
export async function createTransportSubgraph(
  db: Db,
): Promise<AgencySubgraph<TransportLoaders, TransportRepositories>> {
  const repositories = createTransportRepositories(db);
  const schema = await buildTransportSchema();
  return {
    name: 'transport',
    schema: applyFieldPolicy(schema, transportPolicy),
    fieldPolicy: transportPolicy,
    readOnlyQueries: true,
    repositories,
    createLoaders: () => ({
      ...createTransportLoaders(repositories),
      ...transportAccessLog.createLoaders(db),
      ...transportStatistics.createLoaders(db),
    }),
  };
}

/** The transport subgraph's schema before its field policy; the service serves it only with the policy applied. */
export function buildTransportSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      VehicleResolver,
      PersonResolver,
      ...transportAccessLog.resolvers,
      ...transportStatistics.resolvers,
    ],
    orphanedTypes: [
      Person,
      ...transportAccessLog.orphanedTypes,
      ...transportStatistics.orphanedTypes,
    ],
    referenceResolvers: {
      Person: resolvePersonReference,
      Vehicle: resolveVehicleReference,
      ...transportAccessLog.referenceResolvers,
      ...transportStatistics.referenceResolvers,
    },
  });
}
