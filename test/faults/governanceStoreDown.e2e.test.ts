import { SHOWCASE } from '../../demo/showcase';
import { expectData, expectForbidden } from '../authorization/support/graphqlExpectations';
import { report, timeUntil } from '../authorization/support/timeUntil';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { testDatabaseUrl } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';

/** How long the agencies may trust the agreements they last read, in this test. */
const MAX_STALENESS_MS = 1_500;

// The agencies reach the governance store through a relay this test can cut: the store is
// "down" while every agency's own data can still be read.
let proxy: TcpProxy;
let federation: TestFederation;
beforeAll(async () => {
  proxy = await startTcpProxy(testDatabaseUrl());
  federation = await startTestFederation({
    governanceDatabaseUrl: proxy.url,
    policyMaxStalenessMs: MAX_STALENESS_MS,
    policyRefreshMs: 100,
  });
});
afterAll(async () => {
  await federation?.stop();
  await proxy?.close();
});

const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' } as const;
const READ = `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName incomeAssessments(year: 2025) { taxableIncome } } }`;
const allowed = async () => (await federation.query(READ, CASEWORKER)).body.errors === undefined;
/** What a subgraph's readiness probe answers. */
async function readiness(agency: 'population' | 'tax') {
  const response = await fetch(new URL('/readyz', federation.subgraphs[agency].url));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('when the governance store cannot be reached', () => {
  it('keeps the agreements it last read for a while, then releases nothing under an agreement, and recovers', async () => {
    expect(await allowed()).toBe(true);
    expect(await readiness('tax')).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', policy: 'ok' } },
    });
    await proxy.cut();
    try {
      const cutAt = performance.now();
      const denied = await timeUntil(async () => !(await allowed()), { timeoutMs: 10_000 });
      report('agreements no longer trusted after', denied);
      // Not before the staleness allowed, less one refresh interval that may have been missed.
      expect(Math.round(performance.now() - cutAt)).toBeGreaterThanOrEqual(MAX_STALENESS_MS - 200);

      const response = await federation.query(READ, CASEWORKER);
      expectForbidden(
        response,
        ['person'],
        'register of data-sharing agreements cannot be reached',
      );
      // What needs no agreement is still served: open data, and a citizen's own data.
      expect(
        expectData(
          await federation.query(
            `{ company(registryCode: "${SHOWCASE.companyRegistryCode}") { name } }`,
          ),
        ),
      ).toEqual({ company: { name: 'Tamm Tarkvara OÜ' } });
      expect(
        expectData(await federation.query('{ me { givenName } }', { persona: 'citizen' })),
      ).toEqual({ me: { givenName: 'Mari' } });
      // Its readiness probe says why, so a load balancer can route around it.
      const probe = await readiness('population');
      expect(probe.status).toBe(503);
      expect(probe.body).toMatchObject({
        status: 'not ready',
        checks: { database: 'ok', policy: expect.stringContaining('has not answered') },
      });
    } finally {
      await proxy.restore();
    }
    const recovered = await timeUntil(allowed, { timeoutMs: 10_000 });
    report('agreements trusted again after', recovered);
    expect((await readiness('population')).status).toBe(200);
    const live = await fetch(new URL('/healthz', federation.subgraphs.population.url));
    expect(live.status).toBe(200);
  });
});
