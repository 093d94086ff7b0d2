import { isDatabaseUnreachable } from '../db/isDatabaseUnreachable';
import type { AccessEntry } from './AccessRecorder';
import type {
  AccessContext,
  AccessLogBatchWriter,
  AccessLogWriter,
  RequestRecords,
} from './accessLogWriter';

export interface GroupCommitOptions {
  /** Statements in flight at once; requests arriving meanwhile wait and go in the next. */
  maxConcurrentWrites?: number;
  /** The most records one statement carries; a request's records are never split. */
  maxRecordsPerWrite?: number;
  /** How long a statement may take before its requests are failed (and their data withheld). */
  writeTimeoutMs?: number;
}

/** Why a request's records were not written: the statement carrying them took too long. */
export class AccessLogWriteTimeout extends Error {
  override readonly name = 'AccessLogWriteTimeout';
}

interface Waiting extends RequestRecords {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit for an agency's access log: a request whose records find a free writer is
 * written at once, in a statement of its own; requests that arrive while every writer is busy
 * wait, and go together in the next statement. Under load, one insert and one step of the
 * agency's chain lock serve many requests. Each request still waits until the statement with
 * its records has committed, and fails if it does not: no data leaves before its record.
 *
 * Requests are kept apart where it matters: a statement that fails for a reason other than
 * the database being unreachable (a record the log refuses) is retried request by request,
 * so one request's bad record fails that request alone; a statement that hangs fails its
 * requests after `writeTimeoutMs` and frees its writer, so the requests behind it go on.
 */
export function groupCommit(
  writeBatch: AccessLogBatchWriter,
  options: GroupCommitOptions = {},
): AccessLogWriter {
  const maxConcurrent = options.maxConcurrentWrites ?? 2;
  const maxRecords = options.maxRecordsPerWrite ?? 5_000;
  const timeoutMs = options.writeTimeoutMs ?? 30_000;
  const queue: Waiting[] = [];
  let writing = 0;

  const take = (): Waiting[] => {
    const batch = [queue.shift()!];
    let records = batch[0]!.entries.length;
    while (queue.length > 0 && records + queue[0]!.entries.length <= maxRecords) {
      const next = queue.shift()!;
      records += next.entries.length;
      batch.push(next);
    }
    return batch;
  };

  const written = async (batch: readonly RequestRecords[]): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AccessLogWriteTimeout(
              `the access log did not commit a write within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([writeBatch(batch), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };

  const settle = async (batch: Waiting[]): Promise<void> => {
    try {
      await written(batch);
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      const shared = error instanceof AccessLogWriteTimeout || isDatabaseUnreachable(error);
      if (batch.length === 1 || shared) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      for (const waiting of batch) {
        await written([waiting]).then(waiting.resolve, waiting.reject);
      }
    }
  };

  const pump = (): void => {
    while (writing < maxConcurrent && queue.length > 0) {
      const batch = take();
      writing += 1;
      void settle(batch).finally(() => {
        writing -= 1;
        pump();
      });
    }
  };

  return (context: AccessContext, entries: AccessEntry[]) => {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      queue.push({ context, entries, resolve, reject });
      pump();
    });
  };
}
