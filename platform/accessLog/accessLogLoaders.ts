import DataLoader from 'dataloader';
import { listLoader } from '../loaders/loaders';
import type { AccessLogReader } from './AccessLogReader';
import { decodeCriteria } from './accessLogCriteria';
import type { AccessRecord } from './AccessRecord';

/**
 * How many of a person's records each agency contributes to their tracker, newest first (and
 * as many again of their own reads): the tracker covers each agency's most recent accesses.
 */
export const TRACKER_RECORDS_PER_AGENCY = 1000;

/** An agency's per-request loaders of its own access log. */
export function createAccessLogLoaders(reader: AccessLogReader) {
  return {
    /** A person's records, for their tracker: one statement for every person of a level. */
    accessLogBySubject: listLoader(
      (subjectIds: readonly string[]) =>
        reader.findBySubjects(subjectIds, TRACKER_RECORDS_PER_AGENCY),
      (record: AccessRecord) => record.subjectId,
    ),
    /** The records an oversight search finds, by its canonical criteria: one statement each. */
    accessLogSearch: new DataLoader<string, AccessRecord[] | Error>((keys) =>
      Promise.all(
        keys.map(async (key) => {
          try {
            return await reader.search(decodeCriteria(key));
          } catch (error) {
            return error as Error;
          }
        }),
      ),
    ),
  };
}

export type AccessLogLoaders = ReturnType<typeof createAccessLogLoaders>;
