import { TokenAlreadyUsedError } from '../identity/TokenAdmission';
import type { AccessLogWriter } from './accessLogWriter';

/** What is counted of an access log's writes. */
export interface AccessLogCounts {
  accessRecordsWritten(count: number): void;
  accessLogFailed(): void;
}

/**
 * A writer that counts the records it wrote and the writes that failed (and still throws); a
 * replayed token's refusal is no failure of the log.
 */
export function countAccessLogWrites(
  write: AccessLogWriter,
  counts: AccessLogCounts,
): AccessLogWriter {
  return async (context, entries, admission) => {
    try {
      await write(context, entries, admission);
    } catch (error) {
      if (!(error instanceof TokenAlreadyUsedError)) counts.accessLogFailed();
      throw error;
    }
    counts.accessRecordsWritten(entries.length);
  };
}
