import type { GraphQLSchema } from 'graphql';
import type { Db } from '../../platform/db/createDb';
import { buildFederatedSchema } from '../../platform/federation/buildFederatedSchema';
import { applyFieldPolicy } from '../../platform/policy/applyFieldPolicy';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { AccessLogReader } from '../../platform/accessLog/AccessLogReader';
import { createAccessLogLoaders } from '../../platform/accessLog/accessLogLoaders';
import { resolveAccessLogSearchReference } from './accessLog/accessLogSearch.reference';
import { AccessLogSearchResolver } from './accessLog/accessLogSearch.resolver';
import { DataAccessLogResolver } from './accessLog/dataAccessLog.resolver';
import { resolveDataTrackerPageReference } from './accessLog/dataTrackerPage.reference';
import { DataTrackerPageResolver } from './accessLog/dataTrackerPage.resolver';
import { resolvePersonReference } from './accessLog/person.reference';
import { Person } from './accessLog/person.type';
import { resolveAgreementReference } from './agreement/agreement.reference';
import { AgreementResolver } from './agreement/agreement.resolver';
import { AgreementAdminResolver } from './agreement/agreementAdmin.resolver';
import { CatalogResolver } from './catalog/catalog.resolver';
import type { DataCatalog } from './catalog/DataCatalog';
import { loadCatalog } from './catalog/loadCatalog';
import { ConsentResolver } from './consent/consent.resolver';
import { createGovernanceLoaders, type GovernanceLoaders } from './loaders';
import { OrganisationResolver } from './organisation/organisation.resolver';
import { governancePolicy } from './policy';
import { PurposeResolver } from './purpose/purpose.resolver';
import { disclosureControlPlugin } from './statistics/disclosureLedger';
import { resolveStatisticalTableReference } from './statistics/statisticalTable.reference';
import { StatisticsResolver } from './statistics/statistics.resolver';

/**
 * The largest request the governance service reads: a cross-agency table of the whole
 * 1,000,000-person country brings about 12 bytes per unit per agency (pseudonym and values).
 */
const STATISTICS_MAX_BODY_BYTES = 64 * 1024 * 1024;
import { createGovernanceRepositories, type GovernanceRepositories } from './repositories';

export interface GovernanceSubgraphOptions {
  /** The data catalog; read from schema/catalog.json when absent. */
  catalog?: DataCatalog;
}

/**
 * The Information System Authority's data governance service: the data catalog, the central
 * register of data-sharing agreements, and citizens' consents.
 */
export async function createGovernanceSubgraph(
  db: Db,
  options: GovernanceSubgraphOptions = {},
): Promise<AgencySubgraph<GovernanceLoaders, GovernanceRepositories>> {
  const repositories = createGovernanceRepositories(db, options.catalog ?? loadCatalog());
  const schema = await buildGovernanceSchema();
  return {
    name: 'governance',
    schema: applyFieldPolicy(schema, governancePolicy),
    fieldPolicy: governancePolicy,
    repositories,
    plugins: [disclosureControlPlugin()],
    // A cross-agency table brings every agency's pseudonymous units in one call.
    maxBodyBytes: STATISTICS_MAX_BODY_BYTES,
    createLoaders: () => ({
      ...createGovernanceLoaders(repositories),
      ...createAccessLogLoaders(new AccessLogReader(db, 'governance')),
    }),
  };
}

/** The governance subgraph's schema before its field policy; the service serves it only with the policy applied. */
export function buildGovernanceSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      CatalogResolver,
      AgreementResolver,
      AgreementAdminResolver,
      OrganisationResolver,
      PurposeResolver,
      ConsentResolver,
      DataAccessLogResolver,
      DataTrackerPageResolver,
      AccessLogSearchResolver,
      StatisticsResolver,
    ],
    // No Query field of this subgraph returns a person: the gateway brings them.
    orphanedTypes: [Person],
    referenceResolvers: {
      Agreement: resolveAgreementReference,
      Person: resolvePersonReference,
      AccessLogSearch: resolveAccessLogSearchReference,
      DataTrackerPage: resolveDataTrackerPageReference,
      StatisticalTable: resolveStatisticalTableReference,
    },
  });
}
