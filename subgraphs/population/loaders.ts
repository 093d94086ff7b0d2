import { listLoader, recordLoader } from '../../platform/loaders/loaders';
import type { PopulationRepositories } from './repositories';

/** The population register's per-request loaders: one SQL statement per entity type and level. */
export function createPopulationLoaders(repositories: PopulationRepositories) {
  const { people, households } = repositories;
  return {
    personById: recordLoader(
      (ids: readonly string[]) => people.findByIds(ids),
      (p) => p.nationalId,
    ),
    addressById: recordLoader(
      (ids: readonly number[]) => people.findAddresses(ids),
      (a) => a.id,
    ),
    householdById: recordLoader(
      (ids: readonly number[]) => households.findByIds(ids),
      (h) => Number(h.id),
    ),
    householdMembers: listLoader(
      (ids: readonly number[]) => people.findByHouseholds(ids),
      (p) => p.householdId ?? -1,
    ),
    parentsOf: listLoader(
      (ids: readonly string[]) => people.findParentsOf(ids),
      (r) => r.relativeId,
    ),
    childrenOf: listLoader(
      (ids: readonly string[]) => people.findChildrenOf(ids),
      (r) => r.relativeId,
    ),
  };
}

export type PopulationLoaders = ReturnType<typeof createPopulationLoaders>;
