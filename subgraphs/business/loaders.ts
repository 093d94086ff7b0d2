import { listLoader, recordLoader } from '../../platform/loaders/loaders';
import type { BusinessRepositories } from './repositories';

/** The Business Register's per-request loaders: one SQL statement per field and level. */
export function createBusinessLoaders(repositories: BusinessRepositories) {
  const { companies, boards } = repositories;
  return {
    companyByRegistryCode: recordLoader(
      (registryCodes: readonly string[]) => companies.findByRegistryCodes(registryCodes),
      (company) => company.registryCode,
    ),
    boardSeatsOfCompany: listLoader(
      (registryCodes: readonly string[]) => boards.findSeatsOfCompanies(registryCodes),
      (seat) => seat.registryCode,
    ),
    boardMembershipsOf: listLoader(
      (nationalIds: readonly string[]) => boards.findCompaniesOfMembers(nationalIds),
      (membership) => membership.memberId,
    ),
  };
}

export type BusinessLoaders = ReturnType<typeof createBusinessLoaders>;
