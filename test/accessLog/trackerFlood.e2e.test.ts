import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/createDb';
import { verifyAccessLog } from '../../platform/accessLog/verifyAccessLog';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';

/** More records than the tracker ever showed before it paged through every one. */
const FLOOD = 2_500;
const PAGE = 500;

let federation: TestFederation;
let db: Db;
let person: string;
const flooder = `flood-${randomBytes(3).toString('hex')}`;

const TRACKER = `query ($first: Int, $after: String, $from: DateTime, $to: DateTime) {
  me { dataAccessLog(first: $first, after: $after, from: $from, to: $to) {
    nodes { organisation requestId accessedAt } pageInfo { endCursor hasNextPage } missingAgencies
  } } }`;

interface Page {
  nodes: { organisation: string | null; requestId: string; accessedAt: string }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  missingAgencies: string[];
}

async function page(variables: Record<string, unknown>): Promise<Page> {
  const { body } = await federation.query<{ me: { dataAccessLog: Page } }>(TRACKER, {
    persona: 'citizen',
    subject: person,
    variables,
  });
  expect(body.errors).toBeUndefined();
  return body.data!.me.dataAccessLog;
}

/** Writes `count` records about the person from one organisation, as an agency would. */
async function writeRecords(count: number, organisation: string, prefix: string): Promise<void> {
  await db.raw(
    `insert into population.access_log (request_id, subject_id, caller_kind, caller_subject, organisation, purpose, fields)
     select ? || n, ?, 'organisation', 'official-1', ?, 'benefit-eligibility', array['Person.givenName']
     from generate_series(1, ?::int) as n`,
    [prefix, person, organisation, count],
  );
}

beforeAll(async () => {
  federation = await startTestFederation();
  db = connectTestDatabase(2);
  [person] = (await db('population.person')
    .orderBy('national_id')
    .offset(7777)
    .limit(1)
    .pluck('national_id')) as [string];
});
afterAll(async () => {
  await federation?.stop();
  await db?.destroy();
});

describe('a data tracker flooded with records', () => {
  it('still shows every record, page by page: no one pushes an access out of view', async () => {
    const since = new Date(Date.now() - 1).toISOString();
    await writeRecords(1, 'social-insurance', `${flooder}-read-`);
    await writeRecords(FLOOD, flooder, `${flooder}-`);
    const seen: Page['nodes'] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const { nodes, pageInfo, missingAgencies } = await page({ first: PAGE, after, from: since });
      expect(missingAgencies).toEqual([]);
      seen.push(...nodes);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toHaveLength(FLOOD + 1);
    expect(new Set(seen.map((n) => n.requestId)).size).toBe(FLOOD + 1);
    // The one read before the flood is the last entry: nothing crowded it out.
    expect(seen.at(-1)).toMatchObject({
      organisation: 'social-insurance',
      requestId: `${flooder}-read-1`,
    });
    expect((await verifyAccessLog(db, 'population')).problem).toBeUndefined();
  });

  it('applies from and to before paging: the first page of a window is that window', async () => {
    const [read] = await db('population.access_log')
      .where({ request_id: `${flooder}-read-1` })
      .select(
        db.raw(`to_char(logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at`),
      );
    const at = (read as { at: string }).at;
    const until = new Date(Date.parse(at) + 1).toISOString();
    const { nodes } = await page({ first: PAGE, from: at, to: until });
    expect(nodes.map((n) => n.requestId)).toContain(`${flooder}-read-1`);
  });
});
