import { randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/createDb';
import type { GraphQLResponse, TestFederation } from '../../support/testFederation';

const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' } as const;
const YEAR = 2025;
const POPULATION_FIELDS = ['Person.familyName', 'Person.givenName'];
const TAX_FIELDS = ['IncomeAssessment.taxableIncome', 'Person.incomeAssessments'];
/** The codes a read may fail with while its agency's database or access log is failing. */
const FAULT_CODES = ['ACCESS_LOG_UNAVAILABLE', 'DATA_SOURCE_UNAVAILABLE'];

/** A person read under load, and what the register holds about them. */
interface Person {
  nationalId: string;
  givenName: string;
  familyName: string;
  taxableIncome: number;
}

/** How the reads of one round came out, per agency. */
export interface RoundOutcome {
  /** Reads that received the agency's personal data (each with exactly its record). */
  released: number;
  /** Reads refused it (each released nothing). */
  withheld: number;
  /** Refused reads whose record was written all the same (the commit's answer was lost). */
  recordedButWithheld: number;
}

/** `count` people with an income assessment, from `offset` on, and what the register holds. */
export async function peopleWithIncome(db: Db, offset: number, count: number): Promise<Person[]> {
  const rows = (await db('tax.income_assessment as i')
    .join('population.person as p', 'p.national_id', 'i.national_id')
    .where('i.year', YEAR)
    .orderBy('i.national_id', 'desc')
    .offset(offset)
    .limit(count)
    .select('p.national_id', 'p.given_name', 'p.family_name', 'i.taxable_income')) as {
    national_id: string;
    given_name: string;
    family_name: string;
    taxable_income: number;
  }[];
  return rows.map((row) => ({
    nationalId: row.national_id,
    givenName: row.given_name,
    familyName: row.family_name,
    taxableIncome: Number(row.taxable_income),
  }));
}

/**
 * Reads every person at once, each in a request of its own with a case id of its own, while
 * `fault` runs over and over until the last answer is in; then checks every answer against
 * the access logs: a read that received an agency's personal data has exactly one record of
 * it there, naming the person, the fields and its case; a read refused it received none of it
 * (a person is never released in part) and has at most one record.
 */
export async function readPeopleUnderFaults(
  federation: TestFederation,
  db: Db,
  people: Person[],
  fault: () => Promise<void>,
): Promise<{ population: RoundOutcome; tax: RoundOutcome }> {
  const run = randomBytes(3).toString('hex');
  let settled = false;
  const reads = Promise.all(
    people.map((person, index) =>
      federation.query(
        `{ person(nationalId: "${person.nationalId}") { givenName familyName incomeAssessments(year: ${YEAR}) { taxableIncome } } }`,
        { ...CASEWORKER, caseId: `LOAD-${run}-${index}` },
      ),
    ),
  ).finally(() => void (settled = true));
  const faults = (async () => {
    while (!settled) await fault();
  })();
  const responses = await reads;
  await faults;

  const population = { released: 0, withheld: 0, recordedButWithheld: 0 };
  const tax = { released: 0, withheld: 0, recordedButWithheld: 0 };
  for (const [index, response] of responses.entries()) {
    const person = people[index]!;
    const caseId = `LOAD-${run}-${index}`;
    const requestId = response.headers.get('x-request-id')!;
    const codes = (response.body.errors ?? []).map((error) => error.extensions?.code);
    expect({
      caseId,
      codes: codes.filter((code) => !FAULT_CODES.includes(code as string)),
    }).toEqual({ caseId, codes: [] });
    const data = response.body.data?.person as Record<string, unknown> | null | undefined;
    const names = data ? [data.givenName, data.familyName] : [null, null];
    const namesReleased = names[0] !== null || names[1] !== null;
    if (namesReleased) expect(names).toEqual([person.givenName, person.familyName]);
    await checkRecords(db, 'population', requestId, {
      released: namesReleased,
      subject: person.nationalId,
      fields: POPULATION_FIELDS,
      caseId,
      outcome: population,
    });
    const income = data?.incomeAssessments ?? null;
    if (income !== null) expect(income).toEqual([{ taxableIncome: person.taxableIncome }]);
    await checkRecords(db, 'tax', requestId, {
      released: income !== null,
      subject: person.nationalId,
      fields: TAX_FIELDS,
      caseId,
      outcome: tax,
    });
    expectNoPartOf(response, person, namesReleased);
  }
  return { population, tax };
}

async function checkRecords(
  db: Db,
  schema: string,
  requestId: string,
  expected: {
    released: boolean;
    subject: string;
    fields: string[];
    caseId: string;
    outcome: RoundOutcome;
  },
): Promise<void> {
  const rows = (await db(`${schema}.access_log`)
    .where({ request_id: requestId })
    .select('subject_id', 'fields', 'case_id')) as {
    subject_id: string;
    fields: string[];
    case_id: string;
  }[];
  const record = {
    subject_id: expected.subject,
    fields: expected.fields,
    case_id: expected.caseId,
  };
  if (expected.released) {
    expected.outcome.released += 1;
    expect({ schema, rows }).toEqual({ schema, rows: [record] });
  } else {
    expected.outcome.withheld += 1;
    // A write whose commit went through while its connection was lost: recorded, not released.
    expect({ schema, rows: rows.slice(0, rows.length - 1) }).toEqual({ schema, rows: [] });
    for (const row of rows) expect(row).toEqual(record);
    if (rows.length > 0) expected.outcome.recordedButWithheld += 1;
  }
}

/** Names are released both or neither; a refused read carries no trace of the person. */
function expectNoPartOf(response: GraphQLResponse, person: Person, namesReleased: boolean): void {
  if (namesReleased) return;
  const text = JSON.stringify(response.body.data ?? null);
  expect(text).not.toContain(person.givenName);
  expect(text).not.toContain(person.familyName);
}
