import type { Db } from '../../platform/db/createDb';
import { verifyAccessLog } from '../../platform/accessLog/verifyAccessLog';
import { killSessions } from '../support/killSessions';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { connectTestDatabase, testDatabaseUrl } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import { peopleWithIncome, readPeopleUnderFaults } from './support/readPeopleUnderFaults';

const CONCURRENT = 40;
const MAX_ROUNDS = 6;

// The agencies write their access logs through a relay: the test ends the log's sessions and
// cuts it off while the data itself can still be read.
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

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let sessionsEnded = 0;
/** One turn of the fault: the log's sessions ended, then the log unreachable for a moment. */
async function failIntermittently(): Promise<void> {
  await pause(40);
  sessionsEnded += await killSessions(db, proxy);
  await pause(40);
  await proxy.cut();
  await pause(10);
  await proxy.restore();
}

describe('the access log failing intermittently under load', () => {
  it(`loses and duplicates no record over ${CONCURRENT} concurrent reads at a time`, async () => {
    const people = await peopleWithIncome(db, 200, CONCURRENT);
    const totals = { released: 0, withheld: 0, recordedButWithheld: 0 };
    // Rounds until some reads were served and some refused, in both agencies.
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const outcome = await readPeopleUnderFaults(federation, db, people, failIntermittently);
      for (const agency of [outcome.population, outcome.tax]) {
        totals.released += agency.released;
        totals.withheld += agency.withheld;
        totals.recordedButWithheld += agency.recordedButWithheld;
      }
      if (Math.min(outcome.population.released, outcome.population.withheld) > 0) break;
    }
    process.stderr.write(
      `access log under faults: ${JSON.stringify(totals)}, ${sessionsEnded} sessions ended\n`,
    );
    expect(sessionsEnded).toBeGreaterThan(0);
    expect(totals.released).toBeGreaterThan(0);
    expect(totals.withheld).toBeGreaterThan(0);
    for (const schema of ['population', 'tax'])
      expect((await verifyAccessLog(db, schema)).problem).toBeUndefined();
  });

  it('records every read again once the log answers, without a restart', async () => {
    const outcome = await readPeopleUnderFaults(
      federation,
      db,
      await peopleWithIncome(db, 200, 5),
      () => pause(10),
    );
    expect(outcome.population).toEqual({ released: 5, withheld: 0, recordedButWithheld: 0 });
    expect(outcome.tax).toEqual({ released: 5, withheld: 0, recordedButWithheld: 0 });
  });
});
