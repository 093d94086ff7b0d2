import { randomBytes } from 'node:crypto';
import { SHOWCASE } from '../../../demo/showcase';
import type { Db } from '../../../platform/db/createDb';
import { connectTestDatabase } from '../../support/testDatabase';
import {
  type QueryOptions,
  startTestFederation,
  type TestFederation,
} from '../../support/testFederation';

/** An access record as these tests select it. */
export interface Entry {
  accessedAt: string;
  agency: string;
  organisation: string | null;
  purpose: string | null;
  caseId: string | null;
  fields: string[];
  requestId: string;
  callerSubject?: string;
  subject?: string;
}

/** A page of access records. */
export interface Page {
  nodes: Entry[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  missingAgencies: string[];
}

export const ENTRY = 'accessedAt agency organisation purpose caseId fields requestId';
export const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' } as const;
export const AUDITOR = { persona: 'auditor', purpose: 'oversight' } as const;
export const MARI = { persona: 'citizen', subject: SHOWCASE.nationalId } as const;

/** The federation of one test file, and the accesses it made before its tests. */
export interface AccessLogTest {
  federation: TestFederation;
  db: Db;
  /** This file's case reference: its accesses are told from other files' by it. */
  caseId: string;
  /** An instant just before this file's first access. */
  startedAt: string;
  /** A person of the register with income, whom no other test file reads. */
  quiet: string;
  /** What the caseworker's read of the showcase person left in each agency's log. */
  caseworkerRead: Omit<Entry, 'accessedAt'>[];
  /** Runs a query that must succeed; resolves to the gateway's id of the request. */
  read(query: string, options: QueryOptions): Promise<string>;
}

/**
 * Sets up, in beforeAll, a federation over the shared test database in which a caseworker has
 * read the showcase person's name and income for a case of this file's own; other test files
 * read her too, so tests look only at the accesses their file made. `quietIndex` picks the
 * file's quiet person among those with income (each file its own).
 */
export function useAccessLogTest(quietIndex: number): AccessLogTest {
  const test = { caseId: `SIB-${randomBytes(3).toString('hex')}` } as AccessLogTest;
  test.read = async (query, options) => {
    const { body, headers } = await test.federation.query(query, options);
    expect(body.errors).toBeUndefined();
    return headers.get('x-request-id')!;
  };
  beforeAll(async () => {
    test.federation = await startTestFederation();
    test.db = connectTestDatabase(2);
    [test.quiet] = (await test
      .db('tax.income_assessment')
      .distinct('national_id')
      .orderBy('national_id')
      .offset(quietIndex)
      .limit(1)
      .pluck('national_id')) as [string];
    test.startedAt = new Date(Date.now() - 1).toISOString();
    const done = {
      organisation: 'social-insurance',
      purpose: 'benefit-eligibility',
      caseId: test.caseId,
      requestId: await test.read(
        `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName incomeAssessments(year: 2025) { taxableIncome } } }`,
        { ...CASEWORKER, caseId: test.caseId },
      ),
    };
    test.caseworkerRead = [
      { ...done, agency: 'population', fields: ['Person.givenName'] },
      {
        ...done,
        agency: 'tax',
        fields: ['IncomeAssessment.taxableIncome', 'Person.incomeAssessments'],
      },
    ];
  });
  afterAll(async () => {
    await test.federation?.stop();
    await test.db?.destroy();
  });
  return test;
}

/** Expects records in the order of every access-log answer: newest first. */
export function expectNewestFirst(entries: Entry[]): void {
  const times = entries.map((e) => e.accessedAt);
  expect(times).toEqual([...times].sort().reverse());
}
