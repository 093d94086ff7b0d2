import type { Db } from '../../platform/db/createDb';
import { HouseholdRepository } from './household/household.repository';
import { PersonRepository } from './person/person.repository';

/** Every repository of the population register, made once per process. */
export function createPopulationRepositories(db: Db) {
  return { people: new PersonRepository(db), households: new HouseholdRepository(db) };
}

export type PopulationRepositories = ReturnType<typeof createPopulationRepositories>;
