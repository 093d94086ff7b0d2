import type { Db } from '../../../platform/db/createDb';
import type { Vehicle } from './vehicle.type';

interface VehicleRow {
  registration_number: string;
  owner_id: string;
  make: string;
  model: string;
  fuel: string;
  colour: string;
  first_registered: string;
}

const VEHICLE = 'transport.vehicle';

function toVehicle(row: VehicleRow): Vehicle {
  return {
    registrationNumber: row.registration_number,
    ownerId: row.owner_id,
    make: row.make,
    model: row.model,
    firstRegistered: row.first_registered,
    fuel: row.fuel,
    colour: row.colour,
  };
}

/** The only place the vehicle table is read. */
export class VehicleRepository {
  constructor(private readonly db: Db) {}

  async findByRegistrationNumbers(registrationNumbers: readonly string[]): Promise<Vehicle[]> {
    const rows = await this.db<VehicleRow>(VEHICLE).whereRaw('registration_number = any(?)', [
      Array.from(registrationNumbers),
    ]);
    return rows.map(toVehicle);
  }

  /** Vehicles of the given owners, each owner's in registration number order. */
  async findByOwners(ownerIds: readonly string[]): Promise<Vehicle[]> {
    const rows = await this.db<VehicleRow>(VEHICLE)
      .whereRaw('owner_id = any(?)', [Array.from(ownerIds)])
      .orderBy('registration_number');
    return rows.map(toVehicle);
  }
}
