import type { Db } from '../../platform/db/createDb';
import { GpRegistrationRepository } from './gpRegistration/gpRegistration.repository';
import { VaccinationRepository } from './vaccination/vaccination.repository';

/** Every repository of the Health Board, made once per process. */
export function createHealthRepositories(db: Db) {
  return {
    vaccinations: new VaccinationRepository(db),
    gpRegistrations: new GpRegistrationRepository(db),
  };
}

export type HealthRepositories = ReturnType<typeof createHealthRepositories>;
