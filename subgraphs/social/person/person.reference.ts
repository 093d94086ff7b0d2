import type { Person } from './person.type';

/**
 * Resolves `Person` references without a lookup: the population register owns the person,
 * and every field added here is loaded by national ID anyway.
 */
export function resolvePersonReference(reference: { id: string }): Person {
  return { nationalId: reference.id };
}
