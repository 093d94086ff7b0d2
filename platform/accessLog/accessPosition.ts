/**
 * Where a record stands in the one order every access-log answer uses, newest first across
 * agencies: by time to the millisecond, then by agency, then by the agency's record number.
 * Within an agency the record number follows time (the log numbers records as it stamps them),
 * so each agency can answer "what comes after this position" from its own log alone.
 */
export interface AccessPosition {
  /** RFC 3339 at UTC with milliseconds, as `AccessRecord.accessedAt` is written. */
  accessedAt: string;
  agency: string;
  sequence: number;
}

/** Negative when `a` comes first (is newer) in the order of access-log answers. */
export function compareNewestFirst(a: AccessPosition, b: AccessPosition): number {
  if (a.accessedAt !== b.accessedAt) return a.accessedAt < b.accessedAt ? 1 : -1;
  if (a.agency !== b.agency) return a.agency < b.agency ? -1 : 1;
  return b.sequence - a.sequence;
}

/** The position of a record as it comes over the graph (`sequence` is a string there). */
export function positionOf(record: {
  accessedAt: string;
  agency: string;
  sequence: string | number;
}): AccessPosition {
  return {
    accessedAt: record.accessedAt,
    agency: record.agency,
    sequence: Number(record.sequence),
  };
}
