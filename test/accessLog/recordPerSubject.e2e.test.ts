import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';

const MARI = { persona: 'citizen' };

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

/**
 * From the showcase person to her company's board and back to her through the board seat,
 * `depth` times, as herself: the population register and the business register are called in
 * turn, once per level of the plan, and each call reaches her again.
 */
function roundTrips(depth: number): string {
  let selection = 'givenName';
  for (let level = 0; level < depth; level += 1)
    selection = `givenName household { members { givenName boardMemberships { boardSeats { person { ${selection} } } } } }`;
  return `{ me { ${selection} } }`;
}

describe('one record per request, per agency, per person', () => {
  it('records a person once however many times and levels a request reaches her', async () => {
    // Two round trips reach her three times, twelve levels deep: the gateway's depth limit.
    const response = await federation.query(roundTrips(2), MARI);
    // Her household's other members are not hers to read: those refusals are expected.
    expect((response.body.errors ?? []).every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(
      true,
    );
    const requestId = response.headers.get('x-request-id')!;
    for (const schema of ['population', 'business']) {
      const rows: { subject_id: string }[] = await db(`${schema}.access_log`)
        .where({ request_id: requestId })
        .select('subject_id');
      const subjects = rows.map((row) => row.subject_id);
      expect({ schema, records: subjects.length }).toEqual({
        schema,
        records: new Set(subjects).size,
      });
      expect(subjects).toEqual([SHOWCASE.nationalId]);
    }
  });

  it('refuses three round trips, deeper than the gateway admits, with QUERY_TOO_DEEP', async () => {
    const response = await federation.query(roundTrips(3), MARI);
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_DEEP']);
  });
});
