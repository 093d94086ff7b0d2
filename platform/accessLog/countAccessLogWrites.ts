import type { AccessLogWriter } from './accessLogWriter';

/** What is counted of an access log's writes. */
export interface AccessLogCounts {
  accessRecordsWritten(count: number): void;
  accessLogFailed(): void;
}

/** A writer that counts the records it wrote and the writes that failed (and still throws). */
export function countAccessLogWrites(
  write: AccessLogWriter,
  counts: AccessLogCounts,
): AccessLogWriter {
  return async (context, entries) => {
    try {
      await write(context, entries);
    } catch (error) {
      counts.accessLogFailed();
      throw error;
    }
    counts.accessRecordsWritten(entries.length);
  };
}
