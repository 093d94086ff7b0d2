import {
  type AccessPosition,
  compareNewestFirst,
  positionOf,
} from '../../../platform/accessLog/accessPosition';
import { decodeCriteria } from '../../../platform/accessLog/accessLogCriteria';
import type { AccessRecord } from '../../../platform/accessLog/AccessRecord';
import { badUserInput } from '../../../platform/errors/clientErrors';
import { pageInfoOf } from '../../../platform/graphql/PageInfo';
import { decodeCursor, encodeCursor } from '../../../platform/pagination/cursor';
import type { GovernanceAccessLogContext } from './accessLogContext';
import type { AccessRecordConnection } from './AccessRecordConnection';
import type { AgencyRecords } from './recordLists';

/** Which page of the merged records to give. */
export interface PageRequest {
  first: number;
  /** The position the previous page ended at. */
  after: AccessPosition | null;
  /** RFC 3339 at UTC: only records at or after it. */
  from?: string;
  /** RFC 3339 at UTC: only records before it. */
  to?: string;
}

/**
 * Merges every agency's records into one page, newest first across agencies, after the
 * position the previous page ended at; agencies whose records are missing are named.
 */
export function pageOfRecords(
  lists: readonly AgencyRecords[],
  { first, after, from, to }: PageRequest,
): AccessRecordConnection {
  const records = lists
    .flatMap((list) => list.records ?? [])
    .filter(
      (record) =>
        (from === undefined || record.accessedAt >= from) &&
        (to === undefined || record.accessedAt < to) &&
        (after === null || compareNewestFirst(positionOf(record), after) > 0),
    )
    .sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)));
  return {
    ...pageInfoOf<AccessRecord>(records, first, (record) => encodePosition(positionOf(record))),
    missingAgencies: lists.filter((list) => list.records === null).map((list) => list.agency),
  };
}

/**
 * The page a criteria key names (a tracker page or a search page), merged from what every
 * agency found for it and this service's own log.
 */
export async function mergedPage(
  criteria: string,
  found: readonly AgencyRecords[],
  { loaders }: GovernanceAccessLogContext,
): Promise<AccessRecordConnection> {
  const { filter, after, limit } = decodeCriteria(criteria);
  const own = (await loaders.accessLogSearch.load(criteria)) as AccessRecord[];
  return pageOfRecords([...found, { agency: 'governance', records: own }], {
    first: limit - 1,
    after,
    from: filter.from,
    to: filter.to,
  });
}

/** Seals a position as a page cursor. */
export function encodePosition(position: AccessPosition): string {
  return encodeCursor(JSON.stringify([position.accessedAt, position.agency, position.sequence]));
}

/** Opens a page cursor made by `encodePosition`; anything else is a client error. */
export function decodePosition(cursor: string): AccessPosition {
  let opened: unknown;
  try {
    opened = JSON.parse(decodeCursor(cursor));
  } catch (error) {
    if (error instanceof SyntaxError) opened = null;
    else throw error;
  }
  if (
    Array.isArray(opened) &&
    opened.length === 3 &&
    typeof opened[0] === 'string' &&
    typeof opened[1] === 'string' &&
    Number.isInteger(opened[2])
  ) {
    return { accessedAt: opened[0], agency: opened[1], sequence: opened[2] as number };
  }
  throw badUserInput('"after" is not a cursor of this list', 'after');
}
