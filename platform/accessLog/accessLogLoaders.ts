import DataLoader from 'dataloader';
import type { AccessLogReader } from './AccessLogReader';
import { decodeCriteria } from './accessLogCriteria';
import type { AccessRecord } from './AccessRecord';

/** An agency's per-request loaders of its own access log. */
export function createAccessLogLoaders(reader: AccessLogReader) {
  return {
    /** The records a tracker page or an oversight search finds, by its canonical criteria: one statement each. */
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
