import { listLoader, recordLoader } from '../../platform/loaders/loaders';
import type { TransportRepositories } from './repositories';

/** The Transport Authority's per-request loaders: one SQL statement per field and level. */
export function createTransportLoaders(repositories: TransportRepositories) {
  const { vehicles, drivingLicences } = repositories;
  return {
    vehicleByRegistration: recordLoader(
      (registrationNumbers: readonly string[]) =>
        vehicles.findByRegistrationNumbers(registrationNumbers),
      (vehicle) => vehicle.registrationNumber,
    ),
    vehiclesByOwner: listLoader(
      (ownerIds: readonly string[]) => vehicles.findByOwners(ownerIds),
      (vehicle) => vehicle.ownerId,
    ),
    drivingLicenceByHolder: recordLoader(
      (nationalIds: readonly string[]) => drivingLicences.findByHolders(nationalIds),
      (licence) => licence.holderId,
    ),
  };
}

export type TransportLoaders = ReturnType<typeof createTransportLoaders>;
