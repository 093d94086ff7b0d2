import { createHash } from 'node:crypto';

/** An access-log record as stored, with its timestamp as the database renders it for hashing. */
export interface StoredAccessRecord {
  seq: number;
  /** `logged_at` in UTC, `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  loggedAt: string;
  requestId: string;
  subjectId: string;
  callerKind: string;
  callerSubject: string | null;
  organisation: string | null;
  purpose: string | null;
  caseId: string | null;
  fields: string[];
  prevHash: string;
  hash: string;
}

/** The SQL that renders `logged_at` exactly as the chain trigger hashes it. */
export const LOGGED_AT_SQL = `to_char(logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// Mirrors the chain trigger (migrations/shared/accessLog.ts): each value length-prefixed in
// characters, `-` for null, joined by `|`.
function part(value: string | null): string {
  return value === null ? '-' : `${[...value].length}:${value}`;
}

/** The hash a record must carry: sha256 over its canonical text, which includes the previous hash. */
export function expectedHash(record: StoredAccessRecord): string {
  const text = [
    String(record.seq),
    record.loggedAt,
    record.requestId,
    record.subjectId,
    record.callerKind,
    record.callerSubject,
    record.organisation,
    record.purpose,
    record.caseId,
    record.fields.join(','),
    record.prevHash,
  ]
    .map(part)
    .join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
