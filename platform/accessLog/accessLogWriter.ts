import type { Knex } from 'knex';
import type { Caller } from '../context/Caller';
import type { Db } from '../db/createDb';
import { type TokenAdmission, TokenAlreadyUsedError } from '../identity/TokenAdmission';
import type { AccessEntry } from './AccessRecorder';

/** Who asked, why and in which request: the same on every record of one request. */
export interface AccessContext {
  requestId: string;
  caller: Caller;
  purpose: string | null;
  caseId: string | null;
}

/**
 * Appends one request's records to an agency's access log. Given the admission of the
 * request's gateway token, still undecided, the same statement decides it: the records are
 * written only if the token is new to every replica, and a `TokenAlreadyUsedError` says when
 * it was not (nothing written).
 */
export type AccessLogWriter = (
  context: AccessContext,
  entries: AccessEntry[],
  admission?: TokenAdmission,
) => Promise<void>;

/** One request's records, as the batch writer takes them. */
export interface RequestRecords {
  context: AccessContext;
  entries: AccessEntry[];
  /** The admission of the request's gateway token, decided by the write when still open. */
  admission?: TokenAdmission;
}

/**
 * Appends the records of several requests to an agency's access log in one statement, and
 * returns the requests refused because their token had been used (none of their records is
 * written).
 */
export type AccessLogBatchWriter = (
  batch: readonly RequestRecords[],
) => Promise<readonly RequestRecords[]>;

/**
 * Writes the records of any number of requests in one statement: the requests' own columns
 * travel as array parameters (one element per request), the records as three (the request's
 * number, the subject, the fields), whatever their number (a row per record would need eight
 * bind parameters each, and PostgreSQL allows 65,535 in a statement). The database numbers and
 * chains the rows in their order. The connection acts as the agency's service role, which may
 * append to the log but neither change nor delete it (on the embedded database, a single
 * session shared by every client, the append-only trigger guards it).
 *
 * A request whose token's admission is still open has its token id inserted into
 * `gateway_token_use` by the same statement, and its records are written only if that insert
 * was new: a token and its records are committed together or not at all, at no statement more.
 */
export function createAccessLogBatchWriter(db: Db, schema: string): AccessLogBatchWriter {
  const table = `${schema}.access_log`;
  const tokenTable = `${schema}.gateway_token_use`;
  return async (batch) => {
    const requests = batch.filter((request) => request.entries.length > 0);
    if (requests.length === 0) return [];
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
    const records = `insert into ?? (request_id, subject_id, caller_kind, caller_subject, organisation, purpose, case_id, fields)
       select request.request_id, entry.subject_id, request.caller_kind, request.caller_subject,
              request.organisation, request.purpose, request.case_id, string_to_array(entry.fields, ',')
       from unnest(?::int[], ?::text[], ?::text[]) with ordinality
              as entry(request_no, subject_id, fields, position)
       join unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
              as request(request_id, caller_kind, caller_subject, organisation, purpose, case_id, token_id, request_no)
         on request.request_no = entry.request_no`;
    const recordBindings: Knex.RawBinding[] = [
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
    ];
    const decisions = requests.map((request) => request.admission?.takeDecision() ?? null);
    const tokens = requests.flatMap((request, index) =>
      decisions[index] ? [request.admission!] : [],
    );
    // A request's token id where this statement decides its token, null where it does not.
    recordBindings.push(
      decisions.map((decision, index) =>
        decision ? requests[index]!.admission!.tokenId : null,
      ) as string[],
    );
    try {
      if (tokens.length === 0) {
        // seq, logged_at, prev_hash and hash are filled in by the database, in insertion order.
        await db.raw(`${records} order by entry.position`, recordBindings);
        return [];
      }
      const result = await db.raw<{ rows: { token_id: string }[] }>(
        `with used as (
           insert into ?? (token_id, expires_at)
           select id, to_timestamp(expires) from unnest(?::text[], ?::bigint[]) as t(id, expires)
           on conflict (token_id) do nothing returning token_id
         ), logged as (
           ${records}
           where request.token_id is null or request.token_id in (select token_id from used)
           order by entry.position
         )
         select token_id from used`,
        [
          tokenTable,
          tokens.map((token) => token.tokenId),
          tokens.map((token) => token.expiresAt),
          ...recordBindings,
        ],
      );
      const admitted = new Set(result.rows.map((row) => row.token_id));
      const refused: RequestRecords[] = [];
      requests.forEach((request, index) => {
        const decision = decisions[index];
        if (!decision) return;
        const isNew = admitted.has(request.admission!.tokenId);
        decision.settle(isNew);
        if (!isNew) refused.push(request);
      });
      return refused;
    } catch (error) {
      // It may have committed before its answer was lost: see TokenDecision.fallBack.
      for (const decision of decisions) decision?.fallBack();
      throw error;
    }
  };
}

/** Appends one request's records at once, in a statement of its own. */
export function createAccessLogWriter(db: Db, schema: string): AccessLogWriter {
  const writeBatch = createAccessLogBatchWriter(db, schema);
  return async (context, entries, admission) => {
    const refused = await writeBatch([{ context, entries, admission }]);
    if (refused.length > 0) throw new TokenAlreadyUsedError();
  };
}
