import type { Db } from '../../platform/db/createDb';
import { mintDemoToken } from '../../demo/identity/mintDemoToken';

/**
 * The data tracker of a person with `records` access records: the first page, a page of a
 * one-day window deep in the past, and every page to the end (500 a page).
 */
export async function timeTracker(db: Db, gatewayUrl: string, person: string, records: number) {
  const started = performance.now();
  await db.raw(
    `insert into population.access_log (request_id, subject_id, caller_kind, caller_subject, organisation, purpose, fields)
     select 'bench-tracker-' || n, ?, 'organisation', 'official-1', 'social-insurance', 'benefit-eligibility', array['Person.givenName']
     from generate_series(1, ?::int) as n`,
    [person, records],
  );
  process.stderr.write(
    `tracker: wrote ${records} records about one person in ${(performance.now() - started).toFixed(0)} ms\n`,
  );
  const authorization = `Bearer ${await mintDemoToken('citizen', { subject: person })}`;
  const page = async (variables: Record<string, unknown>) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({
        query: `query ($first: Int, $after: String) { me { dataAccessLog(first: $first, after: $after) {
          nodes { requestId } pageInfo { endCursor hasNextPage } } } }`,
        variables,
      }),
    });
    const body = (await response.json()) as {
      data?: {
        me: {
          dataAccessLog: {
            nodes: unknown[];
            pageInfo: { endCursor: string; hasNextPage: boolean };
          };
        };
      };
    };
    return body.data!.me.dataAccessLog;
  };
  let at = performance.now();
  await page({ first: 50 });
  const first = performance.now() - at;
  at = performance.now();
  let seen = 0;
  let after: string | null = null;
  for (;;) {
    const { nodes, pageInfo } = await page({ first: 500, after });
    seen += nodes.length;
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  const all = performance.now() - at;
  process.stderr.write(
    `tracker of a person with ${records} records: first page of 50 in ${first.toFixed(0)} ms; all ${seen} records, 500 a page, in ${(all / 1000).toFixed(1)} s (${(all / Math.ceil(seen / 500)).toFixed(0)} ms a page)\n`,
  );
}
