import type { GraphQLSchema } from 'graphql';
import { applyFieldPolicy } from '../../platform/policy/applyFieldPolicy';
import { buildFederatedSchema } from '../../platform/federation/buildFederatedSchema';
import type { Db } from '../../platform/db/createDb';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { taxAccessLog } from './accessLog/accessLog';
import { taxStatistics } from './statistics/statistics';
import { resolveCompanyReference } from './company/company.reference';
import { CompanyResolver } from './company/company.resolver';
import { Company } from './company/company.type';
import { createTaxLoaders, type TaxLoaders } from './loaders';
import { resolvePersonReference } from './person/person.reference';
import { PersonResolver } from './person/person.resolver';
import { Person } from './person/person.type';
import { createTaxRepositories, type TaxRepositories } from './repositories';
import { taxPolicy } from './policy';

/** The Tax Board: income assessments of people and the tax debts of people and companies. */
export async function createTaxSubgraph(
  db: Db,
): Promise<AgencySubgraph<TaxLoaders, TaxRepositories>> {
  const repositories = createTaxRepositories(db);
  const schema = await buildTaxSchema();
  return {
    name: 'tax',
    schema: applyFieldPolicy(schema, taxPolicy),
    fieldPolicy: taxPolicy,
    readOnlyQueries: true,
    repositories,
    createLoaders: () => ({
      ...createTaxLoaders(repositories),
      ...taxAccessLog.createLoaders(db),
      ...taxStatistics.createLoaders(db),
    }),
  };
}

/** The tax subgraph's schema before its field policy; the service serves it only with the policy applied. */
export function buildTaxSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      PersonResolver,
      CompanyResolver,
      ...taxAccessLog.resolvers,
      ...taxStatistics.resolvers,
    ],
    // No Query field of its own reaches these entities, so they are named here.
    orphanedTypes: [Person, Company, ...taxAccessLog.orphanedTypes, ...taxStatistics.orphanedTypes],
    referenceResolvers: {
      Person: resolvePersonReference,
      Company: resolveCompanyReference,
      ...taxAccessLog.referenceResolvers,
      ...taxStatistics.referenceResolvers,
    },
  });
}
