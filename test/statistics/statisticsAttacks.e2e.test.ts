import type { Db } from '../../platform/db/createDb';
import {
  type DisclosureTable,
  type SuppressionReason,
} from '../../platform/statistics/disclosure/DisclosureTable';
import { recoverableValues } from '../../platform/statistics/disclosure/recoverableValues';
import { verifyStatisticsLog } from '../../platform/statistics/verifyStatisticsLog';
import { CHAIN_FUNCTION } from '../../migrations/governance/20261203000100_statistics_log_refusals';
import { statisticsLogRow } from '../support/statisticsLogRow';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import { AGE_BAND_SQL, claimants, LIVING, trueCounts } from './statisticsTruth';
import { type Table, TABLE_FIELDS, tableOf } from './tableChecks';

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

const released = (table: Table) =>
  new Map(
    table.cells.filter((c) => !c.suppressed).map((c) => [JSON.stringify(c.categories), c.value!]),
  );

const logCount = async () =>
  Number((await db('governance.statistics_log').count<{ n: string }[]>('* as n'))[0]!.n);

const lastSeq = async () =>
  Number(
    (await db('governance.statistics_log').max<{ max: string | null }[]>('seq as max'))[0]!.max ??
      0,
  );

/** The log's records after `seq`, oldest first. */
const recordsAfter = (seq: number): Promise<Record<string, unknown>[]> =>
  db('governance.statistics_log').where('seq', '>', seq).orderBy('seq');

describe('differencing attacks', () => {
  it('stops "people in M" minus "people in M by age band" from isolating anyone', async () => {
    const byMunicipality = tableOf(await statistics('population: PEOPLE, by: [MUNICIPALITY]'));
    const byAge = tableOf(await statistics('population: PEOPLE, by: [MUNICIPALITY, AGE_BAND]'));
    expect(byAge.disclosure.suppressedCells).toBeGreaterThan(0);
    // The attacker holds both tables: the second's cells, its totals and the first's totals.
    const cells = byAge.cells.map((cell) => ({
      key: cell.categories,
      n: cell.value ?? 0,
      suppressed: cell.suppressed ? ('SMALL_CELL' as SuppressionReason) : null,
    }));
    const margins = [
      ...byAge.margins,
      ...byMunicipality.cells.map((c) => ({
        dimension: 'MUNICIPALITY',
        category: c.categories[0]!,
        value: c.value,
        suppressed: c.suppressed,
      })),
    ].map((margin) => ({
      dimension: margin.dimension === null ? null : margin.dimension === 'MUNICIPALITY' ? 0 : 1,
      category: margin.category,
      members: cells.flatMap((cell, i) =>
        margin.dimension === null ||
        cell.key[margin.dimension === 'MUNICIPALITY' ? 0 : 1] === margin.category
          ? [i]
          : [],
      ),
      n: margin.value ?? 0,
      suppressed: margin.suppressed ? ('COMPLEMENTARY' as SuppressionReason) : null,
    }));
    const linked: DisclosureTable = { dimensions: 2, cells, margins };
    expect(recoverableValues(linked)).toEqual([]);
    // In words: no municipality's row has exactly one withheld cell.
    for (const row of byMunicipality.cells) {
      const withheld = byAge.cells.filter(
        (c) => c.categories[0] === row.categories[0] && c.suppressed,
      ).length;
      expect(withheld === 0 || withheld >= 2).toBe(true);
    }
  });

  it('offers no free filter to carve a population with', async () => {
    const response = await federation.query(
      '{ statistics(population: PEOPLE, by: [AGE_BAND], where: "municipality = \'Otepää\'") { cells { value } } }',
      STATISTICIAN,
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('withholds a cell of a population that differs from its enclosing one by fewer than k', async () => {
    const dims = 'by: [MUNICIPALITY, AGE_BAND]';
    const pairs = [
      ['BENEFIT_RECIPIENTS', 'PEOPLE'],
      ['CHILD_ALLOWANCE_RECIPIENTS', 'BENEFIT_RECIPIENTS'],
    ] as const;
    const key = `array[coalesce(a.municipality, 'NONE'), case when p.national_id is null then 'NONE' else ${AGE_BAND_SQL} end]`;
    const truthOf = (units: string) =>
      trueCounts(
        db,
        `select ${key} as key, count(*) as n from ${units} c
           left join population.person p on p.national_id = c.national_id and p.date_of_death is null
           left join population.address a on a.id = p.address_id group by 1`,
      );
    const truths = {
      PEOPLE: await trueCounts(
        db,
        `select array[coalesce(a.municipality, 'NONE'), ${AGE_BAND_SQL}] as key, count(*) as n
           from ${LIVING} where p.date_of_death is null group by 1`,
      ),
      BENEFIT_RECIPIENTS: await truthOf(claimants(null)),
      CHILD_ALLOWANCE_RECIPIENTS: await truthOf(claimants('child-allowance')),
    };
    let attacks = 0;
    for (const [inner, outer] of pairs) {
      const innerTable = tableOf(await statistics(`population: ${inner}, ${dims}`));
      const outerTable = tableOf(await statistics(`population: ${outer}, ${dims}`));
      const k = innerTable.disclosure.minCellSize;
      const innerReleased = released(innerTable);
      const outerReleased = released(outerTable);
      // Where both tables release a cell, their difference never singles out fewer than k people.
      for (const [cell, n] of innerReleased) {
        const wider = outerReleased.get(cell);
        if (wider === undefined) continue;
        expect(wider - n === 0 || wider - n >= k).toBe(true);
      }
      // The cells an attacker would have used: both large, their difference small.
      for (const [cell, n] of truths[inner]) {
        const wider = truths[outer].get(cell) ?? 0;
        if (n < k || wider - n <= 0 || wider - n >= k) continue;
        attacks++;
        const withheld = innerTable.cells.find((c) => JSON.stringify(c.categories) === cell)!;
        expect(withheld).toMatchObject({ suppressed: true, reason: 'DIFFERENCING' });
      }
    }
    expect(attacks).toBeGreaterThan(0);
  });
});

describe('the privacy budget', () => {
  const noisy = (epsilon: number) =>
    statistics(`population: PEOPLE, by: [SEX], noise: { epsilon: ${epsilon} }`);

  it('is debited by each noisy table, shown in extensions, and enforced once spent', async () => {
    await db('governance.privacy_budget')
      .where({ organisation: 'statistics-office', purpose: 'official-statistics' })
      .update({ epsilon_spent: 0 });
    const first = await noisy(4);
    expect(tableOf(first).disclosure).toMatchObject({
      noise: { epsilon: 4, countScale: 0.25 },
      budget: { epsilonSpent: 4, epsilonRemaining: 6 },
    });
    expect(first.body.extensions!.disclosureControl).toEqual([
      expect.objectContaining({ budget: expect.objectContaining({ epsilonRemaining: 6 }) }),
    ]);
    expect(tableOf(await noisy(4)).disclosure).toMatchObject({ budget: { epsilonRemaining: 2 } });
    const before = await lastSeq();
    const refused = await noisy(4);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'PRIVACY_BUDGET_EXHAUSTED',
      epsilonRemaining: 2,
    });
    expect((refused.body.data as { statistics: Table }).statistics.cells).toBeNull();
    // Refused and recorded as refused: what was asked for, and no cells.
    const ours = (records: Record<string, unknown>[]) =>
      records.filter((r) => r.organisation === 'statistics-office' && r.epsilon !== null);
    expect(ours(await recordsAfter(before))).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        refusal: 'PRIVACY_BUDGET_EXHAUSTED',
        epsilon: 4,
        cells: 0,
        format: 2,
      }),
    ]);
    // Two tables at once for the last of it: exactly one is released, and both are recorded.
    const raced = await lastSeq();
    const racing = await Promise.all([noisy(2), noisy(2)]);
    const codes = racing.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'released').sort();
    expect(codes).toEqual(['PRIVACY_BUDGET_EXHAUSTED', 'released']);
    expect(
      ours(await recordsAfter(raced))
        .map((r) => `${String(r.outcome)}:${String(r.refusal)}`)
        .sort(),
    ).toEqual(['refused:PRIVACY_BUDGET_EXHAUSTED', 'released:null']);
    const [budget] = await db('governance.privacy_budget').where({
      organisation: 'statistics-office',
    });
    expect(Number(budget.epsilon_spent)).toBe(10);
    // A table without noise spends nothing and is still released.
    expect(tableOf(await statistics('population: PEOPLE, by: [SEX]')).disclosure).toMatchObject({
      noise: null,
      budget: null,
    });
  });

  it('refuses an epsilon out of range before anything is computed', async () => {
    const response = await noisy(50);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('who may ask', () => {
  /**
   * Asks for a table, expects it refused with `reason`, and the refusal recorded as `logged`
   * for `organisation`, or nothing recorded (a caller who is no organisation, or declared no
   * purpose, is refused at the door).
   */
  const expectRefused = async (
    as: Record<string, string>,
    args: string,
    reason: string | RegExp,
    logged: { organisation: string; population: string; refusal: string } | null,
  ) => {
    const before = await lastSeq();
    const response = await statistics(args, as);
    const error = response.body.errors?.[0];
    expect(error?.extensions?.code).toBe('FORBIDDEN');
    expect(error?.message).toMatch(reason);
    expect(response.body.data?.statistics ?? null).toEqual(
      response.body.data?.statistics === null ? null : expect.objectContaining({ cells: null }),
    );
    const records = await recordsAfter(before);
    if (logged === null) {
      expect(records.filter((r) => r.outcome === 'refused' && r.population === 'PEOPLE')).toEqual(
        [],
      );
    } else {
      expect(
        records.filter(
          (r) => r.organisation === logged.organisation && r.population === logged.population,
        ),
      ).toEqual([
        expect.objectContaining({ ...logged, outcome: 'refused', cells: 0, suppressed: 0 }),
      ]);
    }
  };

  it('refuses an organisation without an aggregate agreement, naming the missing grant, and records it', () =>
    expectRefused(
      { persona: 'police-officer', purpose: 'traffic-control' },
      'population: VEHICLE_OWNERS, by: [AGE_BAND]',
      /no agreement grants (transport\/Statistics\.vehicleOwners|population\/Statistics\.(people|ageBand)) to police for traffic-control/,
      { organisation: 'police', population: 'VEHICLE_OWNERS', refusal: 'GRANT_MISSING' },
    ));

  it('refuses a variable the statistician is not granted (company status), and records it', () =>
    expectRefused(
      STATISTICIAN,
      'population: BOARD_MEMBERS, by: [COMPANY_STATUS]',
      'no agreement grants business/Statistics.companyStatus to statistics-office for official-statistics',
      { organisation: 'statistics-office', population: 'BOARD_MEMBERS', refusal: 'GRANT_MISSING' },
    ));

  it('refuses the statistician without a declared purpose', () =>
    expectRefused({ persona: 'statistician' }, 'population: PEOPLE, by: [SEX]', /purpose/, null));

  it('refuses citizens and the public', async () => {
    await expectRefused({ persona: 'citizen' }, 'population: PEOPLE, by: [SEX]', /aggregate/, null);
    await expectRefused({}, 'population: PEOPLE, by: [SEX]', /aggregate/, null);
  });
});

describe('what clients can select', () => {
  it.each(['populationExtract', 'socialExtract', 'job'])(
    'cannot select the hidden %s of a table',
    async (field) => {
      const response = await federation.query(
        `{ statistics(population: CHILD_ALLOWANCE_RECIPIENTS, by: [MUNICIPALITY]) { ${field} } }`,
        STATISTICIAN,
      );
      expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.body.data).toBeUndefined();
    },
  );

  it('cannot reach a table as an entity', async () => {
    const response = await federation.query(
      '{ _entities(representations: [{ __typename: "StatisticalTable", job: "x" }]) { __typename } }',
      STATISTICIAN,
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('the governance log', () => {
  it('keeps one chained, append-only record per table released', async () => {
    const before = await logCount();
    tableOf(await statistics('population: CHILD_ALLOWANCE_RECIPIENTS, by: [MUNICIPALITY, SEX]'));
    expect(await logCount()).toBe(before + 1);
    const records = await db('governance.statistics_log').orderBy('seq');
    expect(records.at(-1)).toMatchObject({
      organisation: 'statistics-office',
      purpose: 'official-statistics',
      population: 'CHILD_ALLOWANCE_RECIPIENTS',
      measure: 'COUNT',
      numeric_variable: null,
      dimensions: ['MUNICIPALITY', 'SEX'],
      epsilon: null,
      outcome: 'released',
      refusal: null,
      format: 2,
    });
    expect(records.at(-1).caller_subject).toMatch(/^\d{11}$/);
    records.forEach((record, i) => {
      expect(Number(record.seq)).toBe(i + 1);
      expect(record.prev_hash).toBe(i === 0 ? 'genesis' : records[i - 1].hash);
    });
    await expect(
      db('governance.statistics_log')
        .where({ seq: records.at(-1).seq })
        .update({ epsilon: 0 }),
    ).rejects.toThrow(/append-only/);
    await expect(db('governance.statistics_log').delete()).rejects.toThrow(/append-only/);
    expect(await verifyStatisticsLog(db)).toEqual({ records: records.length });
  });

  it('chains records of both formats, and names a refusal rewritten as a release', async () => {
    tableOf(await statistics('population: PEOPLE, by: [AGE_BAND]'));
    // Rolled back at the end: nothing of this stays in the shared log.
    const trx = await db.transaction();
    try {
      const row = statisticsLogRow('format-test');
      // As a record was written before refusals were logged, then one written after.
      await trx.raw(CHAIN_FUNCTION[1]);
      await trx('governance.statistics_log').insert(row);
      await trx.raw(CHAIN_FUNCTION[2]);
      await trx('governance.statistics_log').insert({
        ...row,
        outcome: 'refused',
        refusal: 'GRANT_MISSING',
        cells: 0,
      });
      const [refused, old] = await trx('governance.statistics_log').orderBy('seq', 'desc').limit(2);
      expect([old.format, refused.format]).toEqual([1, 2]);
      expect(old.outcome).toBe('released');
      expect((await verifyStatisticsLog(trx)).problem).toBeUndefined();
      // The owner, behind the trigger's back, turns the refusal into a release.
      await trx.raw(
        'alter table governance.statistics_log disable trigger statistics_log_append_only',
      );
      await trx('governance.statistics_log')
        .where({ seq: refused.seq })
        .update({ outcome: 'released', refusal: null });
      expect((await verifyStatisticsLog(trx)).problem).toEqual({
        seq: Number(refused.seq),
        message: `record ${refused.seq} was altered: its contents no longer match its hash`,
      });
      // Claiming the old format, whose hash does not cover the outcome, does not hide it either.
      await trx('governance.statistics_log').where({ seq: refused.seq }).update({ format: 1 });
      expect((await verifyStatisticsLog(trx)).problem?.seq).toBe(Number(refused.seq));
    } finally {
      await trx.rollback();
    }
    expect((await verifyStatisticsLog(db)).problem).toBeUndefined();
  });

  it("names a record its owner altered behind the trigger's back", async () => {
    tableOf(await statistics('population: PEOPLE, by: [SEX]'));
    const [record] = await db('governance.statistics_log').orderBy('seq', 'desc').limit(1);
    const tamper = (population: string) =>
      db.transaction(async (trx) => {
        await trx.raw(
          'alter table governance.statistics_log disable trigger statistics_log_append_only',
        );
        await trx('governance.statistics_log').where({ seq: record.seq }).update({ population });
        await trx.raw(
          'alter table governance.statistics_log enable trigger statistics_log_append_only',
        );
      });
    await tamper('BENEFIT_RECIPIENTS');
    try {
      expect((await verifyStatisticsLog(db)).problem).toEqual({
        seq: Number(record.seq),
        message: `record ${record.seq} was altered: its contents no longer match its hash`,
      });
    } finally {
      await tamper(record.population);
    }
    expect((await verifyStatisticsLog(db)).problem).toBeUndefined();
  });
});
