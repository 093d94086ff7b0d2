import type { Caller } from '../context/Caller';
import type { Db } from '../db/createDb';
import type { AccessEntry } from './AccessRecorder';

/** Who asked, why and in which request: the same on every record of one request. */
export interface AccessContext {
  requestId: string;
  caller: Caller;
  purpose: string | null;
  caseId: string | null;
}

/** Appends one request's records to an agency's access log. */
export type AccessLogWriter = (context: AccessContext, entries: AccessEntry[]) => Promise<void>;

/**
 * Writes all of a request's records in one statement; the database numbers and chains them.
 * The connection acts as the agency's service role, which may append to the log but neither
 * change nor delete it (on the embedded database, a single session shared by every client,
 * the append-only trigger is what guards it).
 */
export function createAccessLogWriter(db: Db, schema: string): AccessLogWriter {
  const table = `${schema}.access_log`;
  return async (context, entries) => {
    if (entries.length === 0) return;
    const { caller } = context;
    const rows = entries.map((entry) => ({
      request_id: context.requestId,
      subject_id: entry.subjectId,
      caller_kind: caller.kind,
      caller_subject: caller.kind === 'public' ? null : caller.subject,
      organisation: caller.kind === 'organisation' ? caller.organisation : null,
      purpose: context.purpose,
      case_id: context.caseId,
      fields: entry.fields,
      // seq, logged_at, prev_hash and hash are filled in by the database, in insertion order.
    }));
    await db(table).insert(rows);
  };
}
