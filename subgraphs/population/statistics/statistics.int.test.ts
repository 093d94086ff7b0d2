import type { Db } from '../../../platform/db/createDb';
import { connectTestDatabase } from '../../../test/support/testDatabase';
import { populationStatisticsSource } from './statisticsSource';
import { pseudonymKey } from '../../../platform/statistics/pseudonymKey';
import { categoryCount, unitAt, unitCount } from '../../../platform/statistics/StatisticsExtract';
import { StatisticsRepository } from '../../../platform/statistics/StatisticsRepository';

let db: Db;
let repository: StatisticsRepository;
beforeAll(() => {
  db = connectTestDatabase(2);
  repository = new StatisticsRepository(db, populationStatisticsSource);
});
afterAll(() => db.destroy());

const owned = { populations: ['PEOPLE'], dimensions: ['MUNICIPALITY'], numeric: null };
const secret = Buffer.alloc(32, 7);

describe("an agency's part of a table", () => {
  it('is cells, one GROUP BY, when the agency holds every variable', async () => {
    const { cells } = await repository.cells(owned);
    const { rows } = await db.raw<{ rows: { municipality: string | null; n: string }[] }>(
      `select a.municipality, count(*) as n from population.person p
         left join population.address a on a.id = p.address_id
        where p.date_of_death is null group by 1`,
    );
    expect(new Map(cells.map((c) => [c.key[0] ?? null, c.counts.PEOPLE]))).toEqual(
      new Map(rows.map((r) => [r.municipality, Number(r.n)])),
    );
  });

  it('is units under pseudonyms of the query alone otherwise, with no national ID in it', async () => {
    const first = await repository.units(owned, pseudonymKey(secret, 'nonce-of-query-one'));
    const again = await repository.units(owned, pseudonymKey(secret, 'nonce-of-query-one'));
    const other = await repository.units(owned, pseudonymKey(secret, 'nonce-of-query-two'));
    const units = (extract: typeof first) =>
      Array.from({ length: unitCount(extract) }, (_, i) => unitAt(extract, i));
    const pseudonyms = units(first);
    expect(pseudonyms.length).toBeGreaterThan(1000);
    expect(pseudonyms.every((p) => /^[A-Za-z0-9+/]{11}$/.test(p))).toBe(true);
    expect(new Set(pseudonyms).size).toBe(pseudonyms.length);
    // The same query's key joins; another query's pseudonyms share nothing with it.
    expect(units(again)).toEqual(pseudonyms);
    const otherSet = new Set(units(other));
    expect(pseudonyms.filter((p) => otherSet.has(p))).toEqual([]);
    const { rows } = await db.raw<{ rows: { national_id: string }[] }>(
      'select national_id from population.person limit 50',
    );
    const text = JSON.stringify(first);
    for (const { national_id } of rows) expect(text).not.toContain(national_id);
    expect(categoryCount(first.categories.MUNICIPALITY!)).toBe(pseudonyms.length);
    // In ascending order of their characters, so that the parts of a table join by a merge.
    expect(pseudonyms).toEqual([...pseudonyms].sort());
  });
});
