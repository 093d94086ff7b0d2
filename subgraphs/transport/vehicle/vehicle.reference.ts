import type { TransportContext } from '../context';
import type { Vehicle } from './vehicle.type';

/** Resolves `Vehicle` references from other agencies through the per-request loader. */
export function resolveVehicleReference(
  reference: { id: string },
  { loaders }: TransportContext,
): Promise<Vehicle | null> {
  return loaders.vehicleByRegistration.load(reference.id);
}
