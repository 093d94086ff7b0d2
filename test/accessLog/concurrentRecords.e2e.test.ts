import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/createDb';
import { verifyAccessLog } from '../../platform/accessLog/verifyAccessLog';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';

const REQUESTS = 60;

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

describe('the access log under concurrent load', () => {
  it(`records ${REQUESTS} concurrent requests exactly once each, in an unbroken chain`, async () => {
    const people: string[] = await db('population.person')
      .orderBy('national_id', 'desc')
      .limit(REQUESTS)
      .pluck('national_id');
    const run = randomBytes(4).toString('hex');
    const responses = await Promise.all(
      people.map((nationalId, i) =>
        federation.query(`{ person(nationalId: "${nationalId}") { givenName familyName } }`, {
          persona: 'caseworker',
          purpose: 'benefit-eligibility',
          headers: { 'x-request-id': `load-${run}-${i}` },
        }),
      ),
    );
    expect(responses.filter((r) => r.body.errors).length).toBe(0);

    const rows: { request_id: string; subject_id: string; fields: string[] }[] = await db(
      'population.access_log',
    )
      .where('request_id', 'like', `load-${run}-%`)
      .select('request_id', 'subject_id', 'fields');
    expect(rows).toHaveLength(REQUESTS);
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(REQUESTS);
    for (const row of rows) {
      expect(row.subject_id).toBe(people[Number(row.request_id.split('-').pop())]);
      expect(row.fields).toEqual(['Person.familyName', 'Person.givenName']);
    }
    expect((await verifyAccessLog(db, 'population')).problem).toBeUndefined();
  });
});
