import { searchFieldOf } from '../../../platform/accessLog/accessLogFields';
import type { AccessLogSearch } from './accessLogSearch.type';
import { recordListsOf } from './recordLists';

/** Resolves a search from its key and what the agencies found for it, brought by the gateway. */
export function resolveAccessLogSearchReference(
  reference: Record<string, unknown>,
): AccessLogSearch {
  return {
    criteria: String(reference.criteria),
    found: recordListsOf(reference, searchFieldOf, (record) => String(record.subject)),
  };
}
