import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { verifyAccessLog } from '../../platform/accessLog/verifyAccessLog';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { connectTestDatabase, testDatabaseUrl } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';

// The agencies write their access logs through a relay this test can cut: the database is
// "down" for the record while the data itself can still be read.
let proxy: TcpProxy;
let federation: TestFederation;
let db: Db;
beforeAll(async () => {
  proxy = await startTcpProxy(testDatabaseUrl());
  federation = await startTestFederation({ accessLogDatabaseUrl: proxy.url });
  db = connectTestDatabase(2);
});
afterAll(async () => {
  await federation?.stop();
  await proxy?.close();
  await db?.destroy();
});

const QUERY = `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName familyName incomeAssessments(year: 2025) { taxableIncome } }
  company(registryCode: "${SHOWCASE.companyRegistryCode}") { name } }`;
const AS = { persona: 'caseworker', purpose: 'benefit-eligibility' } as const;

async function recordsOf(requestId: string): Promise<number> {
  let total = 0;
  for (const schema of ['population', 'tax']) {
    const [{ n }] = await db(`${schema}.access_log`)
      .where({ request_id: requestId })
      .count<{ n: number }[]>({ n: '*' });
    total += Number(n);
  }
  return total;
}

describe('when the access log cannot be written', () => {
  it('returns no personal data, only errors saying why, and the public data intact', async () => {
    await proxy.cut();
    try {
      const { body, headers } = await federation.query(QUERY, AS);
      const requestId = headers.get('x-request-id')!;
      expect(body.data).toEqual({
        person: { givenName: null, familyName: null, incomeAssessments: null },
        company: { name: 'Tamm Tarkvara OÜ' },
      });
      const codes = (body.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]);
      expect(codes).toEqual(
        expect.arrayContaining([
          ['person.givenName', 'ACCESS_LOG_UNAVAILABLE'],
          ['person.familyName', 'ACCESS_LOG_UNAVAILABLE'],
          ['person.incomeAssessments', 'ACCESS_LOG_UNAVAILABLE'],
        ]),
      );
      expect(await recordsOf(requestId)).toBe(0);
    } finally {
      await proxy.restore();
    }
  });

  it('loses nothing: once the log is back, accesses are recorded and every chain still verifies', async () => {
    const { body, headers } = await federation.query(QUERY, AS);
    const requestId = headers.get('x-request-id')!;
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ person: { givenName: 'Mari', familyName: 'Tamm' } });
    expect(await recordsOf(requestId)).toBe(2);
    for (const schema of ['population', 'tax'])
      expect((await verifyAccessLog(db, schema)).problem).toBeUndefined();
  });
});
