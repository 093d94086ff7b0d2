import { randomBytes } from 'node:crypto';
import { countStatements } from '../../test/support/countStatements';
import { connectTestDatabase } from '../../test/support/testDatabase';
import type { Db } from '../db/createDb';
import { nationalIdFor } from '../identity/nationalId';
import { AccessLogReader } from './AccessLogReader';
import type { AccessLogFilter } from './accessLogCriteria';
import type { AccessRecord } from './AccessRecord';

// Records of this file's own: two people no one else reads and an organisation of its own.
const serial = 900 + (randomBytes(1)[0]! % 45);
const ANNA = nationalIdFor('1991-02-03', 'F', serial);
const BORIS = nationalIdFor('1991-02-03', 'M', serial + 45);
const ORG = `test-${randomBytes(4).toString('hex')}`;

let db: Db;
let reader: AccessLogReader;
/** The records written, by name, as the reader returns them. */
const written: Record<string, AccessRecord> = {};

async function write(name: string, subject: string, by: string | null, caseId: string | null) {
  const official = by === null ? subject : by;
  await db('social.access_log').insert({
    request_id: `${ORG}-${name}`,
    subject_id: subject,
    caller_kind: by === null ? 'citizen' : 'organisation',
    caller_subject: official,
    organisation: by === null ? null : ORG,
    purpose: by === null ? null : 'benefit-eligibility',
    case_id: caseId,
    fields: ['BenefitClaim.benefit', 'Person.benefitClaims'],
  });
  // Records a few milliseconds apart, so that their order by time is their order by number.
  await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeAll(async () => {
  db = connectTestDatabase(2);
  reader = new AccessLogReader(db, 'social');
  await write('r1', ANNA, 'official-1', 'C-1');
  await write('r2', ANNA, null, null);
  await write('r3', ANNA, 'official-2', null);
  await write('r4', BORIS, 'official-1', null);
  await write('r5', ANNA, 'official-1', 'C-2');
  await write('r6', ANNA, null, null);
  for (const subject of [ANNA, BORIS]) {
    for (const record of await trackerPage(subject, 10)) {
      written[record.requestId.slice(ORG.length + 1)] = record;
    }
  }
});
afterAll(() => db.destroy());

/** One page of a person's tracker, as the agency answers it: their records, newest first. */
function trackerPage(subject: string, limit: number, after: AccessRecord | null = null) {
  return reader.search({
    filter: { subject },
    limit,
    after: after && { ...after, sequence: Number(after.sequence) },
  });
}

const names = (records: AccessRecord[]) => records.map((r) => r.requestId.slice(ORG.length + 1));
const search = (filter: AccessLogFilter, limit = 10, after: AccessRecord | null = null) =>
  reader.search({
    filter: { organisation: ORG, ...filter },
    limit,
    after: after && { ...after, sequence: Number(after.sequence) },
  });

describe("an agency's access log, read for trackers", () => {
  it('gives each person their records newest first, as the agency recorded them', async () => {
    expect(names(await trackerPage(ANNA, 10))).toEqual(['r6', 'r5', 'r3', 'r2', 'r1']);
    expect(names(await trackerPage(BORIS, 10))).toEqual(['r4']);
    expect(written.r1).toEqual({
      accessedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      agency: 'social',
      organisation: ORG,
      callerKind: 'organisation',
      callerSubject: 'official-1',
      subjectId: ANNA,
      purpose: 'benefit-eligibility',
      caseId: 'C-1',
      fields: ['BenefitClaim.benefit', 'Person.benefitClaims'],
      requestId: `${ORG}-r1`,
      sequence: expect.stringMatching(/^\d+$/),
    });
  });

  it("pages through every one of a person's records, however many, in one statement a page", async () => {
    const pages: string[][] = [];
    let after: AccessRecord | null = null;
    for (;;) {
      let page: AccessRecord[] = [];
      const statements = await countStatements({ db }, async () => {
        page = await trackerPage(ANNA, 2, after);
      });
      expect(statements).toEqual({ db: 1 });
      if (page.length === 0) break;
      pages.push(names(page));
      after = page[page.length - 1]!;
    }
    expect(pages).toEqual([['r6', 'r5'], ['r3', 'r2'], ['r1']]);
  });
});

describe("an agency's access log, searched for oversight", () => {
  it('finds the records of an organisation, newest first', async () => {
    expect(names(await search({}))).toEqual(['r5', 'r4', 'r3', 'r1']);
  });

  it('finds the accesses made without a case reference, or only those with one', async () => {
    expect(names(await search({ withoutCaseId: true }))).toEqual(['r4', 'r3']);
    expect(names(await search({ withoutCaseId: false }))).toEqual(['r5', 'r1']);
    expect(names(await search({ callerSubject: 'official-1', withoutCaseId: true }))).toEqual([
      'r4',
    ]);
  });

  it('narrows by person, purpose, case and request', async () => {
    expect(names(await search({ subject: BORIS }))).toEqual(['r4']);
    expect(names(await search({ purpose: 'benefit-eligibility', caseId: 'C-2' }))).toEqual(['r5']);
    expect(names(await search({ requestId: `${ORG}-r3` }))).toEqual(['r3']);
    expect(await search({ purpose: 'tax-assessment' })).toEqual([]);
  });

  it('keeps the records from an instant (inclusive) until another (exclusive)', async () => {
    const { r3, r5 } = written;
    expect(names(await search({ from: r3!.accessedAt, to: r5!.accessedAt }))).toEqual(['r4', 'r3']);
  });

  it('continues after the last record of the previous page, whichever agency it was from', async () => {
    const { r4 } = written;
    expect(names(await search({}, 2))).toEqual(['r5', 'r4']);
    expect(names(await search({}, 2, r4!))).toEqual(['r3', 'r1']);
    // At the same millisecond, records of agencies named before come first, after come last.
    expect(names(await search({}, 10, { ...r4!, agency: 'population' }))).toEqual([
      'r4',
      'r3',
      'r1',
    ]);
    expect(names(await search({}, 10, { ...r4!, agency: 'transport' }))).toEqual(['r3', 'r1']);
  });

  it("answers a search of another agency's log without a statement", async () => {
    expect(await countStatements({ db }, () => search({ agency: 'tax' }).then(() => {}))).toEqual({
      db: 0,
    });
  });
});
