import { randomBytes } from 'node:crypto';
import { AGENCY_NAMES } from '../../platform/agencies';
import type { Db } from '../../platform/db/createDb';
import { verifyAccessLog } from '../../platform/accessLog/verifyAccessLog';
import { mintDemoToken } from '../../demo/identity/mintDemoToken';

/**
 * Every access recorded, exactly once, whatever the concurrency: sends `count` requests about
 * distinct people from `concurrency` loops, then counts the population register's records of
 * the run (told apart by its case references) and verifies every agency's chain.
 */
export async function checkAccessLog(
  db: Db,
  gatewayUrl: string,
  nationalIds: readonly string[],
  count: number,
  concurrency: number,
): Promise<{ exact: boolean; line: string }> {
  const run = randomBytes(4).toString('hex');
  const authorization = `Bearer ${await mintDemoToken('caseworker')}`;
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization,
            'x-purpose': 'benefit-eligibility',
            'x-case-id': `bench-${run}-${i}`,
          },
          body: JSON.stringify({
            query: `{ person(nationalId: "${nationalIds[i % nationalIds.length]}") { givenName incomeAssessments(year: 2025) { taxableIncome } } }`,
          }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        if (!response.ok || body.errors) failed += 1;
      }
    }),
  );
  const [{ n }] = await db('population.access_log')
    .where('case_id', 'like', `bench-${run}-%`)
    .count<{ n: number }[]>({ n: '*' });
  const broken: string[] = [];
  for (const schema of AGENCY_NAMES)
    if ((await verifyAccessLog(db, schema)).problem) broken.push(schema);
  const recorded = Number(n);
  return {
    exact: recorded === count - failed && broken.length === 0,
    line:
      `access log: ${count} requests (${failed} failed) -> ${recorded} population records ` +
      `(expected ${count - failed}); chains ${broken.length === 0 ? 'verify' : `BROKEN: ${broken.join(', ')}`}`,
  };
}
