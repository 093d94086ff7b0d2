import type { Person } from './person.type';

/** Resolves a `Person` reference without a lookup: the tracker needs only the national ID. */
export function resolvePersonReference(reference: { id: unknown }): Person {
  return { nationalId: String(reference.id) };
}
