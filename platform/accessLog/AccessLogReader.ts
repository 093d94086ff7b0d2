import type { Db } from '../db/createDb';
import type { AccessLogCriteria } from './accessLogCriteria';
import { AccessRecord } from './AccessRecord';
import type { CallerKind } from './CallerKind';

interface AccessLogRow {
  seq: number;
  accessed_at: string;
  request_id: string;
  subject_id: string;
  caller_kind: string;
  caller_subject: string | null;
  organisation: string | null;
  purpose: string | null;
  case_id: string | null;
  fields: string[];
}

/**
 * Reads one agency's own access log, newest first, for a person's data tracker and for
 * oversight searches, a page at a time; the only place its records are read. Times are written by the database
 * (to the millisecond, at UTC), so both database routes give the same text.
 */
export class AccessLogReader {
  private readonly table: string;

  constructor(
    private readonly db: Db,
    private readonly agency: string,
  ) {
    this.table = `${agency}.access_log`;
  }

  /**
   * One page of a person's tracker or of an oversight search: the newest records that match,
   * after a position.
   */
  async search({ filter, after, limit }: AccessLogCriteria): Promise<AccessRecord[]> {
    if (filter.agency !== undefined && filter.agency !== this.agency) return [];
    const query = this.db(this.table).select(this.columns()).orderBy('seq', 'desc').limit(limit);
    const equal = {
      subject_id: filter.subject,
      organisation: filter.organisation,
      caller_subject: filter.callerSubject,
      purpose: filter.purpose,
      case_id: filter.caseId,
      request_id: filter.requestId,
    };
    for (const [column, value] of Object.entries(equal)) {
      if (value !== undefined) query.where(column, value);
    }
    if (filter.withoutCaseId === true) query.whereNull('case_id');
    if (filter.withoutCaseId === false) query.whereNotNull('case_id');
    if (filter.from !== undefined) query.where('logged_at', '>=', filter.from);
    if (filter.to !== undefined) query.where('logged_at', '<', filter.to);
    if (after) {
      // Records after the position in the order of every answer (see accessPosition.ts).
      if (after.agency === this.agency) query.where('seq', '<', after.sequence);
      else if (this.agency > after.agency) {
        query.whereRaw(`logged_at < ?::timestamptz + interval '1 millisecond'`, [after.accessedAt]);
      } else query.where('logged_at', '<', after.accessedAt);
    }
    return (await query).map((row: AccessLogRow) => this.toRecord(row));
  }

  private columns() {
    return [
      'seq',
      this.db.raw(
        `to_char(logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as accessed_at`,
      ),
      'request_id',
      'subject_id',
      'caller_kind',
      'caller_subject',
      'organisation',
      'purpose',
      'case_id',
      'fields',
    ];
  }

  private toRecord(row: AccessLogRow): AccessRecord {
    return {
      accessedAt: row.accessed_at,
      agency: this.agency,
      organisation: row.organisation,
      callerKind: row.caller_kind as CallerKind,
      callerSubject: row.caller_subject,
      subjectId: row.subject_id,
      purpose: row.purpose,
      caseId: row.case_id,
      fields: row.fields,
      requestId: row.request_id,
      sequence: String(row.seq),
    };
  }
}
