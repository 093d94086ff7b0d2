import { trackerFieldOf } from '../../../platform/accessLog/accessLogFields';
import type { Person } from './person.type';
import { recordListsOf } from './recordLists';

/**
 * Resolves a `Person` reference without a lookup: the gateway brings the agencies' records
 * the person's tracker `@requires`, all about the person the reference names.
 */
export function resolvePersonReference(reference: Record<string, unknown>): Person {
  const nationalId = String(reference.id);
  return { nationalId, tracked: recordListsOf(reference, trackerFieldOf, () => nationalId) };
}
