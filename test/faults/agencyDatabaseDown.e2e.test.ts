import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { expectData } from '../authorization/support/graphqlExpectations';
import { report, timeUntil } from '../authorization/support/timeUntil';
import { killSessions } from '../support/killSessions';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { connectTestDatabase, testDatabaseUrl } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import { peopleWithIncome, readPeopleUnderFaults } from './support/readPeopleUnderFaults';

// The population and tax agencies reach their own data (and their access logs) through relays
// this test can cut; the governance store stays reachable.
let population: TcpProxy;
let tax: TcpProxy;
let federation: TestFederation;
let db: Db;
beforeAll(async () => {
  population = await startTcpProxy(testDatabaseUrl());
  tax = await startTcpProxy(testDatabaseUrl());
  federation = await startTestFederation({
    agencyDatabaseUrls: { population: population.url, tax: tax.url },
  });
  db = connectTestDatabase(2);
});
afterAll(async () => {
  await federation?.stop();
  await Promise.all([population?.close(), tax?.close()]);
  await db?.destroy();
});

const CASEWORKER = { persona: 'caseworker', purpose: 'benefit-eligibility' } as const;
const READ = `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName familyName incomeAssessments(year: 2025) { year } }
  company(registryCode: "${SHOWCASE.companyRegistryCode}") { name } }`;
const FULL = {
  person: { givenName: 'Mari', familyName: 'Tamm', incomeAssessments: [{ year: 2025 }] },
  company: { name: 'Tamm Tarkvara OÜ' },
};
const complete = async () => {
  const { body } = await federation.query(READ, CASEWORKER);
  return body.errors === undefined && JSON.stringify(body.data) === JSON.stringify(FULL);
};
async function probe(agency: 'population' | 'tax', path: '/readyz' | '/healthz') {
  const response = await fetch(new URL(path, federation.subgraphs[agency].url));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("an agency's database that cannot be reached", () => {
  it('costs that agency its fields, with DATA_SOURCE_UNAVAILABLE; the agency is not ready; all is back when the database is', async () => {
    expect(await complete()).toBe(true);
    await tax.cut();
    try {
      const { status, body } = await federation.query(READ, CASEWORKER);
      expect(status).toBe(200);
      expect(body.data).toEqual({ ...FULL, person: { ...FULL.person, incomeAssessments: null } });
      expect(body.errors).toEqual([
        {
          message:
            "This agency's database cannot be reached; nothing it holds is released: try again later",
          path: ['person', 'incomeAssessments'],
          extensions: { code: 'DATA_SOURCE_UNAVAILABLE', serviceName: 'tax' },
        },
      ]);
      expect(await probe('tax', '/readyz')).toEqual({
        status: 503,
        body: { status: 'not ready', checks: { database: expect.any(String), policy: 'ok' } },
      });
      expect((await probe('tax', '/healthz')).status).toBe(200);
    } finally {
      await tax.restore();
    }
    // The same process and pool: the pool opens new connections once the database answers.
    report('complete again after', await timeUntil(complete, { timeoutMs: 10_000 }));
    expect((await probe('tax', '/readyz')).status).toBe(200);
  });

  it('of the register that identifies people releases nothing about the person, from any agency', async () => {
    await population.cut();
    try {
      const { status, body } = await federation.query(READ, CASEWORKER);
      expect(status).toBe(200);
      expect(body.data).toEqual({ person: null, company: FULL.company });
      expect(body.errors).toEqual([
        expect.objectContaining({
          path: ['person'],
          extensions: { code: 'DATA_SOURCE_UNAVAILABLE', serviceName: 'population' },
        }),
      ]);
      expect(JSON.stringify(body)).not.toMatch(/Mari|Tamm"|2025/);
    } finally {
      await population.restore();
    }
    report('complete again after', await timeUntil(complete, { timeoutMs: 10_000 }));
  });
});

describe("an agency's database sessions ended under load", () => {
  it('never release a person in part nor without a record, and the pools reconnect by themselves', async () => {
    let ended = 0;
    const outcome = await readPeopleUnderFaults(
      federation,
      db,
      await peopleWithIncome(db, 300, 30),
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 60));
        ended += (await killSessions(db, population)) + (await killSessions(db, tax));
      },
    );
    process.stderr.write(`sessions ended under load: ${ended}; ${JSON.stringify(outcome)}\n`);
    expect(ended).toBeGreaterThan(0);
    // No restart: both agencies serve again as soon as the next connection is made.
    report('complete again after', await timeUntil(complete, { timeoutMs: 10_000 }));
    expect(expectData(await federation.query(READ, CASEWORKER))).toEqual(FULL);
  });
});
