import type { Db } from '../../platform/db/createDb';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import {
  AGE_BAND_SQL,
  claimants,
  INCOME_BAND_SQL,
  LATEST_ASSESSMENT,
  LIVING,
  trueCounts,
} from './statisticsTruth';
import { expectTruth, TABLE_FIELDS, tableOf } from './tableChecks';

const STATISTICIAN = { persona: 'statistician', purpose: 'official-statistics' };

let federation: TestFederation;
let db: Db;
beforeAll(async () => {
  federation = await startTestFederation();
  db = connectTestDatabase(2);
});
afterAll(async () => {
  await db.destroy();
  await federation.stop();
});

const statistics = (args: string, as: Record<string, string> = STATISTICIAN) =>
  federation.query(`{ statistics(${args}) { ${TABLE_FIELDS} } }`, as);

describe('a table one agency computes alone', () => {
  it('counts living people by municipality and age band, as the register holds them', async () => {
    const table = tableOf(await statistics('population: PEOPLE, by: [MUNICIPALITY, AGE_BAND]'));
    const truth = await trueCounts(
      db,
      `select array[coalesce(a.municipality, 'NONE'), ${AGE_BAND_SQL}] as key, count(*) as n
         from ${LIVING} where p.date_of_death is null group by 1`,
    );
    expectTruth(table, truth);
    expect(table.disclosure.agreements).toEqual(['DSA-STAT-POP-01']);
    // Row and column totals of the 2-D table, each the true sum where released.
    const municipalities = table.margins.filter((m) => m.dimension === 'MUNICIPALITY');
    for (const margin of municipalities.filter((m) => !m.suppressed)) {
      const sum = [...truth].filter(([key]) => JSON.parse(key)[0] === margin.category);
      expect(margin.value).toBe(sum.reduce((a, [, n]) => a + n, 0));
    }
  });
});

describe('tables joined across agencies through the graph', () => {
  it('counts child allowance recipients by municipality (social and population)', async () => {
    const table = tableOf(
      await statistics('population: CHILD_ALLOWANCE_RECIPIENTS, by: [MUNICIPALITY]'),
    );
    const truth = await trueCounts(
      db,
      `select array[coalesce(a.municipality, 'NONE')] as key, count(*) as n
         from ${claimants('child-allowance')} c
         left join population.person p on p.national_id = c.national_id and p.date_of_death is null
         left join population.address a on a.id = p.address_id
        group by 1`,
    );
    expectTruth(table, truth);
    expect(table.disclosure.agreements).toEqual(['DSA-STAT-POP-01', 'DSA-STAT-SIB-01']);
  });

  it('counts child allowance recipients by income band (social and tax)', async () => {
    const table = tableOf(
      await statistics('population: CHILD_ALLOWANCE_RECIPIENTS, by: [INCOME_BAND]'),
    );
    const truth = await trueCounts(
      db,
      `select array[${INCOME_BAND_SQL}] as key, count(*) as n
         from ${claimants('child-allowance')} c
         left join ${LATEST_ASSESSMENT} i on i.national_id = c.national_id
        group by 1`,
    );
    expectTruth(table, truth);
  });

  it('counts vehicle owners by age band (transport and population)', async () => {
    const table = tableOf(await statistics('population: VEHICLE_OWNERS, by: [AGE_BAND]'));
    const truth = await trueCounts(
      db,
      `select array[case when p.national_id is null then 'NONE' else ${AGE_BAND_SQL} end] as key,
              count(*) as n
         from (select distinct owner_id from transport.vehicle) v
         left join population.person p on p.national_id = v.owner_id and p.date_of_death is null
        group by 1`,
    );
    expectTruth(table, truth);
  });

  it('counts board members by sex (business and population)', async () => {
    const table = tableOf(await statistics('population: BOARD_MEMBERS, by: [SEX]'));
    const truth = await trueCounts(
      db,
      `select array[coalesce(p.sex::text, 'NONE')] as key, count(*) as n
         from (select distinct national_id from business.board_member) m
         left join population.person p on p.national_id = m.national_id and p.date_of_death is null
        group by 1`,
    );
    expectTruth(table, truth);
  });

  it("gives the mean of taxpayers' income by age band, clamped to its bound", async () => {
    const response = await federation.query(
      `{ statistics(population: TAXPAYERS, measure: MEAN, of: INCOME, by: [AGE_BAND]) {
           cells { categories value suppressed reason } } }`,
      STATISTICIAN,
    );
    expect(response.body.errors).toBeUndefined();
    const { rows } = await db.raw<{ rows: { band: string; mean: number; n: string }[] }>(
      `select case when p.national_id is null then 'NONE' else ${AGE_BAND_SQL} end as band,
              avg(least(greatest(i.taxable_income::float8, 0), 200000)) as mean, count(*) as n
         from ${LATEST_ASSESSMENT} i
         left join population.person p on p.national_id = i.national_id and p.date_of_death is null
        group by 1`,
    );
    const cells = (
      response.body.data as {
        statistics: { cells: { categories: string[]; value: number | null }[] };
      }
    ).statistics.cells;
    let released = 0;
    for (const row of rows) {
      const cell = cells.find((c) => c.categories[0] === row.band)!;
      if (cell.value === null) continue;
      released++;
      expect(cell.value).toBeCloseTo(Number(row.mean), 2);
    }
    expect(released).toBeGreaterThan(0);
  });
});

describe('disclosure control in the response', () => {
  it('states in extensions what was withheld and why, per table', async () => {
    const response = await statistics(
      'population: CHILD_ALLOWANCE_RECIPIENTS, by: [MUNICIPALITY, INCOME_BAND]',
    );
    const table = tableOf(response);
    expect(table.disclosure.suppressedCells).toBeGreaterThan(0);
    const [entry] = response.body.extensions!.disclosureControl as Record<string, unknown>[];
    expect(entry).toMatchObject({
      population: 'CHILD_ALLOWANCE_RECIPIENTS',
      by: ['MUNICIPALITY', 'INCOME_BAND'],
      minCellSize: 10,
      suppressedCells: table.disclosure.suppressedCells,
      noise: null,
    });
    expect((entry!.rules as string[]).join(' ')).toContain('minimum cell size 10');
  });
});
