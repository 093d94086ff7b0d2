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
 * Writes all of a request's records in one statement, whatever their number: the subjects and
 * their fields travel as two array parameters (a row per subject would need eight bind
 * parameters each, and PostgreSQL allows 65,535 in a statement); the database numbers and
 * chains the rows in their order. The connection acts as the agency's service role, which may
 * append to the log but neither change nor delete it (on the embedded database, a single
 * session shared by every client, the append-only trigger is what guards it).
 */
export function createAccessLogWriter(db: Db, schema: string): AccessLogWriter {
  const table = `${schema}.access_log`;
  return async (context, entries) => {
    if (entries.length === 0) return;
    const { caller } = context;
    // seq, logged_at, prev_hash and hash are filled in by the database, in insertion order.
    await db.raw(
      `insert into ?? (request_id, subject_id, caller_kind, caller_subject, organisation, purpose, case_id, fields)
       select ?, entry.subject_id, ?, ?, ?, ?, ?, string_to_array(entry.fields, ',')
       from unnest(?::text[], ?::text[]) with ordinality as entry(subject_id, fields, position)
       order by entry.position`,
      [
        table,
        context.requestId,
        caller.kind,
        caller.kind === 'public' ? null : caller.subject,
        caller.kind === 'organisation' ? caller.organisation : null,
        context.purpose,
        context.caseId,
        entries.map((entry) => entry.subjectId),
        // Field names are `Type.field`: they never contain a comma.
        entries.map((entry) => entry.fields.join(',')),
      ],
    );
  };
}
