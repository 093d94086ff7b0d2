import type { AccessRecord } from '../../../platform/accessLog/AccessRecord';
import { CallerKind } from '../../../platform/accessLog/CallerKind';
import { decodePosition, pageOfRecords } from './accessLogPage';
import type { AgencyRecords } from './recordLists';

function record(agency: string, sequence: number, accessedAt: string): AccessRecord {
  return {
    accessedAt,
    agency,
    organisation: 'police',
    callerKind: CallerKind.ORGANISATION,
    callerSubject: null,
    subjectId: '48507120002',
    purpose: 'traffic-control',
    caseId: null,
    fields: ['Person.givenName'],
    requestId: `r-${agency}-${sequence}`,
    sequence: String(sequence),
  };
}

const at = (second: number, millisecond = 0) =>
  `2026-11-26T10:00:${String(second).padStart(2, '0')}.${String(millisecond).padStart(3, '0')}Z`;

const LISTS: AgencyRecords[] = [
  {
    agency: 'tax',
    records: [record('tax', 7, at(5)), record('tax', 6, at(3)), record('tax', 5, at(3))],
  },
  {
    agency: 'population',
    records: [record('population', 90, at(4)), record('population', 89, at(3))],
  },
  { agency: 'health', records: [] },
];
const names = (records: AccessRecord[]) => records.map((r) => `${r.agency}#${r.sequence}`);

describe('a page of access records merged from every agency', () => {
  it('puts the newest first, and records of the same millisecond by agency, then newest record', () => {
    const page = pageOfRecords(LISTS, { first: 10, after: null });
    expect(names(page.nodes)).toEqual([
      'tax#7',
      'population#90',
      'population#89',
      'tax#6',
      'tax#5',
    ]);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.missingAgencies).toEqual([]);
  });

  it('gives every record exactly once, page by page', () => {
    const seen: string[] = [];
    let after = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = pageOfRecords(LISTS, { first: 2, after });
      seen.push(...names(page.nodes));
      if (!page.pageInfo.hasNextPage) break;
      after = decodePosition(page.pageInfo.endCursor!);
    }
    expect(seen).toEqual(['tax#7', 'population#90', 'population#89', 'tax#6', 'tax#5']);
  });

  it('keeps the records from an instant (inclusive) until another (exclusive)', () => {
    const page = pageOfRecords(LISTS, { first: 10, after: null, from: at(3), to: at(5) });
    expect(names(page.nodes)).toEqual(['population#90', 'population#89', 'tax#6', 'tax#5']);
  });

  it('names the agencies whose records are missing', () => {
    const page = pageOfRecords([...LISTS, { agency: 'business', records: null }], {
      first: 1,
      after: null,
    });
    expect(page.missingAgencies).toEqual(['business']);
  });

  it('refuses a cursor it did not make', () => {
    expect(() => decodePosition('not-a-cursor')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});
