import type { Db } from '../../platform/db/createDb';
import { verifyAccessLog } from '../../platform/accessLog/verifyAccessLog';
import { SHOWCASE } from '../../demo/showcase';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';

const REQUESTS = 60;
const IDENTICAL = 20;
const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' };

let federation: TestFederation;
let db: Db;
beforeAll(async () => {
  federation = await startTestFederation();
  db = connectTestDatabase(2);
});
afterAll(async () => {
  await federation?.stop();
  await db?.destroy();
});

async function recordsOf(schema: string, requestIds: string[]) {
  return (await db(`${schema}.access_log`)
    .whereIn('request_id', requestIds)
    .select('request_id', 'subject_id', 'fields')) as {
    request_id: string;
    subject_id: string;
    fields: string[];
  }[];
}

describe('the access log under concurrent load', () => {
  it(`records ${REQUESTS} concurrent requests exactly once each, in an unbroken chain`, async () => {
    const people: string[] = await db('population.person')
      .orderBy('national_id', 'desc')
      .limit(REQUESTS)
      .pluck('national_id');
    const responses = await Promise.all(
      people.map((nationalId) =>
        federation.query(`{ person(nationalId: "${nationalId}") { givenName familyName } }`, {
          ...CASEWORKER,
          // The same correlation id on every request: it is never the key of a record.
          headers: { 'x-request-id': 'one-correlation-id' },
        }),
      ),
    );
    expect(responses.filter((r) => r.body.errors).length).toBe(0);
    const requestIds = responses.map((r) => r.headers.get('x-request-id')!);
    expect(new Set(requestIds).size).toBe(REQUESTS);

    const rows = await recordsOf('population', requestIds);
    expect(rows).toHaveLength(REQUESTS);
    for (const row of rows) {
      expect(row.subject_id).toBe(people[requestIds.indexOf(row.request_id)]);
      expect(row.fields).toEqual(['Person.familyName', 'Person.givenName']);
    }
    expect((await verifyAccessLog(db, 'population')).problem).toBeUndefined();
  });

  it(`records ${IDENTICAL} identical concurrent requests once each: deduplication never merges them`, async () => {
    const query = `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName incomeAssessments(year: 2025) { taxableIncome } } }`;
    const responses = await Promise.all(
      Array.from({ length: IDENTICAL }, () => federation.query(query, CASEWORKER)),
    );
    expect(responses.filter((r) => r.body.errors).length).toBe(0);
    const requestIds = responses.map((r) => r.headers.get('x-request-id')!);
    for (const schema of ['population', 'tax']) {
      const rows = await recordsOf(schema, requestIds);
      expect({ schema, records: rows.length }).toEqual({ schema, records: IDENTICAL });
      expect(new Set(rows.map((r) => r.request_id)).size).toBe(IDENTICAL);
      expect((await verifyAccessLog(db, schema)).problem).toBeUndefined();
    }
  });
});
