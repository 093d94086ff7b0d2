import type { Db } from '../../platform/db/createDb';
import { AgreementRepository } from './agreement/agreement.repository';
import type { DataCatalog } from './catalog/DataCatalog';
import { ConsentRepository } from './consent/consent.repository';
import { OrganisationRepository } from './organisation/organisation.repository';
import { PurposeRepository } from './purpose/purpose.repository';
import { StatisticsRepository } from './statistics/statistics.repository';

/** Every repository of the governance register, and the data catalog, made once per process. */
export function createGovernanceRepositories(db: Db, catalog: DataCatalog) {
  return {
    agreements: new AgreementRepository(db),
    consents: new ConsentRepository(db),
    organisations: new OrganisationRepository(db),
    purposes: new PurposeRepository(db),
    statistics: new StatisticsRepository(db),
    catalog,
  };
}

export type GovernanceRepositories = ReturnType<typeof createGovernanceRepositories>;
