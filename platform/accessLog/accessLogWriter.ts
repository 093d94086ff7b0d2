import type { Knex } from 'knex';
import type { Caller } from '../context/Caller';
import type { Db } from '../db/createDb';
import {
  preparedStatement,
  quotedTable,
  runPrepared,
  type StatementPreparation,
} from '../db/preparedStatement';
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
 * bind parameters each, and PostgreSQL allows 65,535 in a statement). The log's append function
 * numbers and chains the rows in their order, as a set. The connection acts as the agency's
 * service role, which may call that function but neither insert, change nor delete records
 * itself (on the embedded database, a single session shared by every client, the append-only
 * trigger guards the log).
 *
 * A request whose token's admission is still open has its token id inserted into
 * `gateway_token_use` by the same statement, and its records are written only if that insert
 * was new: a token and its records are committed together or not at all, at no statement more.
 *
 * With `per-connection` preparation (a server of its own, not the embedded database), each
 * connection plans the two statements once.
 */
export function createAccessLogBatchWriter(
  db: Db,
  schema: string,
  preparation: StatementPreparation = 'none',
): AccessLogBatchWriter {
  const statements = accessLogStatements(db, schema, preparation);
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
    const recordBindings: Knex.RawBinding[] = [
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
        const result = await runPrepared<{ rows: { appended: number }[] }>(
          db,
          statements.records,
          recordBindings,
        );
        expectAppended(result.rows[0]?.appended, entryRequest.length);
        return [];
      }
      const result = await runPrepared<{ rows: { used: string[]; appended: number }[] }>(
        db,
        statements.recordsWithTokens,
        [
          tokens.map((token) => token.tokenId),
          tokens.map((token) => token.expiresAt),
          ...recordBindings,
        ],
      );
      const admitted = new Set(result.rows[0]?.used ?? []);
      const isNew = requests.map(
        (request, index) => !decisions[index] || admitted.has(request.admission!.tokenId),
      );
      expectAppended(
        result.rows[0]?.appended,
        requests.reduce(
          (sum, request, index) => sum + (isNew[index] ? request.entries.length : 0),
          0,
        ),
      );
      const refused: RequestRecords[] = [];
      requests.forEach((request, index) => {
        decisions[index]?.settle(isNew[index]!);
        if (!isNew[index]) refused.push(request);
      });
      return refused;
    } catch (error) {
      // It may have committed before its answer was lost: see TokenDecision.fallBack.
      for (const decision of decisions) decision?.fallBack();
      throw error;
    }
  };
}

/**
 * Fails the write, and so withholds the data, if the log took other than every record it was
 * given for the requests it admitted.
 */
function expectAppended(appended: number | undefined, expected: number): void {
  if (appended !== expected)
    throw new Error(`the access log appended ${appended ?? 'no'} records of ${expected}`);
}

/**
 * The writer's two statements, their text fixed once per log: records alone, and records with
 * the tokens they decide. Both hand the records to the log's append function
 * (migrations/shared/accessLogAppend.ts), which numbers and chains them: the requests' own
 * columns as array parameters (one element per request), the records as three (the request's
 * number, the subject, the fields).
 */
function accessLogStatements(db: Db, schema: string, preparation: StatementPreparation) {
  const append = quotedTable(db, `${schema}.append_access_records`);
  const tokenTable = quotedTable(db, `${schema}.gateway_token_use`);
  const records =
    '?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]';
  return {
    records: preparedStatement(
      `select ${append}(${records}, '{}'::text[]) as appended`,
      preparation,
    ),
    // A request whose token was decided here is appended only if its id was new.
    recordsWithTokens: preparedStatement(
      `with used as (
         insert into ${tokenTable} (token_id, expires_at)
         select id, to_timestamp(expires) from unnest(?::text[], ?::bigint[]) as t(id, expires)
         on conflict (token_id) do nothing returning token_id
       ), admitted as (
         select coalesce(array_agg(token_id), '{}'::text[]) as ids from used
       )
       select admitted.ids as used, ${append}(${records}, admitted.ids) as appended from admitted`,
      preparation,
    ),
  };
}

/** Appends one request's records at once, in a statement of its own. */
export function createAccessLogWriter(
  db: Db,
  schema: string,
  preparation: StatementPreparation = 'none',
): AccessLogWriter {
  const writeBatch = createAccessLogBatchWriter(db, schema, preparation);
  return async (context, entries, admission) => {
    const refused = await writeBatch([{ context, entries, admission }]);
    if (refused.length > 0) throw new TokenAlreadyUsedError();
  };
}
