import type { Db } from '../../platform/db/createDb';
import { DrivingLicenceRepository } from './drivingLicence/drivingLicence.repository';
import { VehicleRepository } from './vehicle/vehicle.repository';

/** Every repository of the Transport Authority, made once per process. */
export function createTransportRepositories(db: Db) {
  return { vehicles: new VehicleRepository(db), drivingLicences: new DrivingLicenceRepository(db) };
}

export type TransportRepositories = ReturnType<typeof createTransportRepositories>;
