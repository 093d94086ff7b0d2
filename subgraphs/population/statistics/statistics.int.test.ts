import type { Db } from '../../../platform/db/createDb';
import { connectTestDatabase } from '../../../test/support/testDatabase';
import { populationStatisticsSource } from './statisticsSource';
import { pseudonymKey } from '../../../platform/statistics/pseudonymKey';
import {
  categoryCount,
  pseudonymList,
  type UnitsExtract,
} from '../../../platform/statistics/StatisticsExtract';
import { mintJob } from '../../../platform/statistics/StatisticsSpec';
import { subgraphRequester } from '../../../test/support/subgraphRequest';
import { createPopulationSubgraph } from '../index';
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
    const first = await repository.units(owned, pseudonymKey(secret, 'request-1', 'job-one'));
    const again = await repository.units(owned, pseudonymKey(secret, 'request-1', 'job-one'));
    const other = await repository.units(owned, pseudonymKey(secret, 'request-1', 'job-two'));
    const units = (extract: typeof first) => pseudonymList(extract);
    const pseudonyms = units(first);
    expect(pseudonyms.length).toBeGreaterThan(1000);
    expect(pseudonyms.every((p) => /^[0-9a-f]{16}$/.test(p))).toBe(true);
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
    // In ascending order, so that the parts of a table join by a merge.
    expect(pseudonyms).toEqual([...pseudonyms].sort());
  });
});

describe('the pseudonyms of a table, asked for through the graph', () => {
  let requester: Awaited<ReturnType<typeof subgraphRequester>>;
  beforeAll(async () => {
    requester = await subgraphRequester(await createPopulationSubgraph(db), {
      statisticsSecret: secret,
    });
  });
  afterAll(() => requester.stop());

  // People by sex, joined with the tax board's income band: the population register sends units.
  const job = mintJob({
    population: 'PEOPLE',
    measure: 'COUNT',
    of: null,
    by: ['SEX', 'INCOME_BAND'],
    epsilon: null,
  });
  const unitsIn = async (requestId: string, asked = job): Promise<string[]> => {
    const data = await requester.data(
      `query($representations: [_Any!]!) {
         _entities(representations: $representations) { ... on StatisticalTable { populationExtract } }
       }`,
      { persona: 'statistician', purpose: 'official-statistics', requestId },
      { representations: [{ __typename: 'StatisticalTable', job: asked }] },
    );
    const [table] = data._entities as { populationExtract: string }[];
    const extract = JSON.parse(table!.populationExtract) as UnitsExtract;
    expect(extract.mode).toBe('units');
    return pseudonymList(extract);
  };

  it('join within one client request, and share nothing with the same job sent in another', async () => {
    const first = await unitsIn('request-a');
    expect(first.length).toBeGreaterThan(1000);
    // Every agency asked for this table in this request derives the same pseudonyms.
    expect(await unitsIn('request-a')).toEqual(first);
    // A job (or its nonce) sent again, in a request of its own, links no unit to the first.
    const replayed = new Set(await unitsIn('request-b'));
    expect(first.filter((unit) => replayed.has(unit))).toEqual([]);
  });

  it('of another table in the same request share nothing either', async () => {
    const first = new Set(await unitsIn('request-c'));
    const otherTable = mintJob({
      population: 'PEOPLE',
      measure: 'COUNT',
      of: null,
      by: ['AGE_BAND', 'INCOME_BAND'],
      epsilon: null,
    });
    const second = await unitsIn('request-c', otherTable);
    expect(second.filter((unit) => first.has(unit))).toEqual([]);
  });
});
