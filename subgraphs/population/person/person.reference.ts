import type { PopulationContext } from '../context';
import type { Person } from './person.type';

/** Resolves `Person` references from other agencies through the per-request loader. */
export function resolvePersonReference(
  reference: { id: string },
  { loaders }: PopulationContext,
): Promise<Person | null> {
  return loaders.personById.load(reference.id);
}
