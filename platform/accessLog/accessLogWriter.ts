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

/** One request's records, as the batch writer takes them. */
export interface RequestRecords {
  context: AccessContext;
  entries: AccessEntry[];
}

/** Appends the records of several requests to an agency's access log in one statement. */
export type AccessLogBatchWriter = (batch: readonly RequestRecords[]) => Promise<void>;

/**
 * Writes the records of any number of requests in one statement: the requests' own columns
 * travel as six array parameters (one element per request), the records as three (the
 * request's number, the subject, the fields), whatever their number (a row per record would
 * need eight bind parameters each, and PostgreSQL allows 65,535 in a statement). The database
 * numbers and chains the rows in their order. The connection acts as the agency's service
 * role, which may append to the log but neither change nor delete it (on the embedded
 * database, a single session shared by every client, the append-only trigger guards it).
 */
export function createAccessLogBatchWriter(db: Db, schema: string): AccessLogBatchWriter {
  const table = `${schema}.access_log`;
  return async (batch) => {
    const requests = batch.filter((request) => request.entries.length > 0);
    if (requests.length === 0) return;
    const entryRequest: number[] = [];
    const entrySubject: string[] = [];
    const entryFields: string[] = [];
    requests.forEach(({ entries }, index) => {
      for (const entry of entries) {
        entryRequest.push(index + 1);
        entrySubject.push(entry.subjectId);
        // Field names are `Type.field`: they never contain a comma.
        entryFields.push(entry.fields.join(','));
      }
    });
    // Nulls in an array parameter are SQL NULLs; knex's types know arrays of strings only.
    const column = (of: (context: AccessContext) => string | null) =>
      requests.map(({ context }) => of(context)) as string[];
    // seq, logged_at, prev_hash and hash are filled in by the database, in insertion order.
    await db.raw(
      `insert into ?? (request_id, subject_id, caller_kind, caller_subject, organisation, purpose, case_id, fields)
       select request.request_id, entry.subject_id, request.caller_kind, request.caller_subject,
              request.organisation, request.purpose, request.case_id, string_to_array(entry.fields, ',')
       from unnest(?::int[], ?::text[], ?::text[]) with ordinality
              as entry(request_no, subject_id, fields, position)
       join unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
              as request(request_id, caller_kind, caller_subject, organisation, purpose, case_id, request_no)
         on request.request_no = entry.request_no
       order by entry.position`,
      [
        table,
        entryRequest,
        entrySubject,
        entryFields,
        column((context) => context.requestId),
        column((context) => context.caller.kind),
        column(({ caller }) => (caller.kind === 'public' ? null : caller.subject)),
        column(({ caller }) => (caller.kind === 'organisation' ? caller.organisation : null)),
        column((context) => context.purpose),
        column((context) => context.caseId),
      ],
    );
  };
}

/** Appends one request's records at once, in a statement of its own. */
export function createAccessLogWriter(db: Db, schema: string): AccessLogWriter {
  const writeBatch = createAccessLogBatchWriter(db, schema);
  return (context, entries) => writeBatch([{ context, entries }]);
}
