import { listLoader, recordLoader } from '../../platform/loaders/loaders';
import type { Agreement } from './agreement/agreement.type';
import type { GovernanceRepositories } from './repositories';
import { DisclosureLedger } from './statistics/disclosureLedger';

/** The governance register's per-request loaders: one SQL statement per entity type and level. */
export function createGovernanceLoaders(repositories: GovernanceRepositories) {
  const { agreements, organisations } = repositories;
  let live: Promise<Agreement[]> | undefined;
  let controllers: Promise<Map<string, string>> | undefined;
  return {
    /** What disclosure control did to this request's tables, for its `extensions`. */
    disclosure: new DisclosureLedger(),
    agreementById: recordLoader(
      (ids: readonly string[]) => agreements.findByIds(ids),
      (a) => a.id,
    ),
    agreementsByConsumer: listLoader(
      (codes: readonly string[]) => agreements.findByConsumers(codes),
      (a) => a.consumer,
    ),
    historyByAgreement: listLoader(
      (ids: readonly string[]) => agreements.historyOf(ids),
      (c) => c.agreementId,
    ),
    proposalsByAgreement: listLoader(
      (ids: readonly string[]) => agreements.proposalsOf(ids),
      (p) => p.agreementId,
    ),
    /** Which organisation controls each agency's data, read at most once per request. */
    controllers: (): Promise<Map<string, string>> => (controllers ??= agreements.controllers()),
    organisationByCode: recordLoader(
      (codes: readonly string[]) => organisations.findByCodes(codes),
      (o) => o.code,
    ),
    /** Every agreement as the register holds it now, read at most once per request. */
    liveAgreements: (): Promise<Agreement[]> => (live ??= agreements.findAll()),
  };
}

export type GovernanceLoaders = ReturnType<typeof createGovernanceLoaders>;
