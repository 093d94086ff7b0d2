import type { GraphQLSchema } from 'graphql';
import { applyFieldPolicy } from '../../platform/policy/applyFieldPolicy';
import { buildFederatedSchema } from '../../platform/federation/buildFederatedSchema';
import type { Db } from '../../platform/db/createDb';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { socialAccessLog } from './accessLog/accessLog';
import { socialStatistics } from './statistics/statistics';
import { createSocialLoaders, type SocialLoaders } from './loaders';
import { resolvePersonReference } from './person/person.reference';
import { PersonResolver } from './person/person.resolver';
import { Person } from './person/person.type';
import { createSocialRepositories, type SocialRepositories } from './repositories';
import { socialPolicy } from './policy';

/** The Social Insurance Board: benefits claimed by people and where each claim stands. */
export async function createSocialSubgraph(
  db: Db,
): Promise<AgencySubgraph<SocialLoaders, SocialRepositories>> {
  const repositories = createSocialRepositories(db);
  const schema = await buildSocialSchema();
  return {
    name: 'social',
    schema: applyFieldPolicy(schema, socialPolicy),
    fieldPolicy: socialPolicy,
    readOnlyQueries: true,
    repositories,
    createLoaders: () => ({
      ...createSocialLoaders(repositories),
      ...socialAccessLog.createLoaders(db),
      ...socialStatistics.createLoaders(db),
    }),
  };
}

/** The social subgraph's schema before its field policy; the service serves it only with the policy applied. */
export function buildSocialSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [PersonResolver, ...socialAccessLog.resolvers, ...socialStatistics.resolvers],
    // No Query field of its own reaches the person, so it is named here.
    orphanedTypes: [Person, ...socialAccessLog.orphanedTypes, ...socialStatistics.orphanedTypes],
    referenceResolvers: {
      Person: resolvePersonReference,
      ...socialAccessLog.referenceResolvers,
      ...socialStatistics.referenceResolvers,
    },
  });
}
