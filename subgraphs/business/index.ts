import type { GraphQLSchema } from 'graphql';
import { applyFieldPolicy } from '../../platform/policy/applyFieldPolicy';
import { buildFederatedSchema } from '../../platform/federation/buildFederatedSchema';
import type { Db } from '../../platform/db/createDb';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { businessAccessLog } from './accessLog/accessLog';
import { businessStatistics } from './statistics/statistics';
import { resolveCompanyReference } from './company/company.reference';
import { CompanyResolver } from './company/company.resolver';
import { createBusinessLoaders, type BusinessLoaders } from './loaders';
import { resolvePersonReference } from './person/person.reference';
import { PersonResolver } from './person/person.resolver';
import { Person } from './person/person.type';
import { createBusinessRepositories, type BusinessRepositories } from './repositories';
import { businessPolicy } from './policy';

/** The Business Register: companies and the people on their boards. */
export async function createBusinessSubgraph(
  db: Db,
): Promise<AgencySubgraph<BusinessLoaders, BusinessRepositories>> {
  const repositories = createBusinessRepositories(db);
  const schema = await buildBusinessSchema();
  return {
    name: 'business',
    schema: applyFieldPolicy(schema, businessPolicy),
    fieldPolicy: businessPolicy,
    readOnlyQueries: true,
    repositories,
    createLoaders: () => ({
      ...createBusinessLoaders(repositories),
      ...businessAccessLog.createLoaders(db),
      ...businessStatistics.createLoaders(db),
    }),
  };
}

/** The business subgraph's schema before its field policy; the service serves it only with the policy applied. */
export function buildBusinessSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      CompanyResolver,
      PersonResolver,
      ...businessAccessLog.resolvers,
      ...businessStatistics.resolvers,
    ],
    orphanedTypes: [
      Person,
      ...businessAccessLog.orphanedTypes,
      ...businessStatistics.orphanedTypes,
    ],
    referenceResolvers: {
      Person: resolvePersonReference,
      Company: resolveCompanyReference,
      ...businessAccessLog.referenceResolvers,
      ...businessStatistics.referenceResolvers,
    },
  });
}
