import { decodeCriteria, trackedSubjectOf } from '../../../platform/accessLog/accessLogCriteria';
import { trackerFieldOf } from '../../../platform/accessLog/accessLogFields';
import type { DataTrackerPage } from './dataTrackerPage.type';
import { recordListsOf } from './recordLists';

/** Resolves a tracker page from its key and what the agencies found for it, brought by the gateway. */
export function resolveDataTrackerPageReference(
  reference: Record<string, unknown>,
): Pick<DataTrackerPage, 'criteria' | 'subjectId' | 'found'> {
  const criteria = String(reference.criteria);
  const subjectId = trackedSubjectOf(decodeCriteria(criteria));
  return { criteria, subjectId, found: recordListsOf(reference, trackerFieldOf, () => subjectId) };
}
