import { listLoader, recordLoader } from '../../platform/loaders/loaders';
import type { HealthRepositories } from './repositories';

/** The Health Board's per-request loaders: one SQL statement per field and level. */
export function createHealthLoaders(repositories: HealthRepositories) {
  const { vaccinations, gpRegistrations } = repositories;
  return {
    vaccinationsByPatient: listLoader(
      (nationalIds: readonly string[]) => vaccinations.findByPatients(nationalIds),
      (vaccination) => vaccination.patientId,
    ),
    gpRegistrationByPatient: recordLoader(
      (nationalIds: readonly string[]) => gpRegistrations.findByPatients(nationalIds),
      (registration) => registration.patientId,
    ),
  };
}

export type HealthLoaders = ReturnType<typeof createHealthLoaders>;
