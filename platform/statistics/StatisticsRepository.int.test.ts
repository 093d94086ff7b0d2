import type { Db } from '../db/createDb';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { pseudonymOf } from '../../test/support/pseudonymOf';
import { pseudonymKey } from './pseudonymKey';
import { categoryAt, pseudonymList, type UnitsExtract } from './StatisticsExtract';
import { StatisticsRepository } from './StatisticsRepository';

let db: Db;
beforeAll(() => {
  db = connectTestDatabase(2);
});
afterAll(() => db.destroy());

const key = pseudonymKey(Buffer.alloc(32, 3), 'request-1', 'job-1');

/** A repository over literal rows, no schema: national ID, PEOPLE, a category and a number. */
function over(rows: [string, boolean, string | null, number | null][]): StatisticsRepository {
  const values = rows
    .map(
      ([id, flag, category, value]) =>
        `(${literal(id)}, ${flag}, ${category === null ? 'null::text' : literal(category)}, ${value === null ? 'null::float8' : `${value}::float8`})`,
    )
    .join(', ');
  return new StatisticsRepository(db, {
    agency: 'population',
    relationSql: `select * from (values ${values}) as t(national_id, people, municipality, income)`,
  });
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

const owned = {
  populations: ['PEOPLE'],
  dimensions: ['MUNICIPALITY'],
  numeric: { name: 'INCOME', bound: 1000 },
};

/** Each unit's pseudonym with the values sent for it. */
function unitsWithValues(extract: UnitsExtract): Map<string, [string, string | null, string]> {
  const list = pseudonymList(extract);
  const numbers = extract.numbers.INCOME!.split(',');
  return new Map(
    list.map((unit, k) => [
      unit,
      [extract.flags.PEOPLE![k]!, categoryAt(extract.categories.MUNICIPALITY!, k), numbers[k]!],
    ]),
  );
}

describe("an agency's units, as its repository reads them", () => {
  const ascii: [string, boolean, string | null, number | null][] = [
    ['48507120002', true, 'Tartu', 120],
    ['39001010011', false, 'Tallinn', null],
    ['50012319999', true, null, 5000],
    ['60101010000', true, 'Tartu', -3],
  ];

  it('keep each unit with its own flag, category and clamped value, whatever group it came in', async () => {
    const units = unitsWithValues(await over(ascii).units(owned, key));
    expect([...units.values()].sort()).toEqual(
      [
        ['1', 'Tartu', '120'],
        ['0', 'Tallinn', ''],
        ['1', null, '1000'],
        ['1', 'Tartu', '0'],
      ].sort(),
    );
  });

  it.each([
    ['a long ID', 'EE-1234567890123456'],
    ['an ID not in ASCII, of as many bytes as the others', 'ÄÖ-123456'],
    ['an ID of another width', '12345'],
  ])('are the same pseudonyms when %s sends the units down the general path', async (_, other) => {
    const packed = unitsWithValues(await over(ascii).units(owned, key));
    const mixed = unitsWithValues(
      await over([...ascii, [other, true, 'Narva', 1]]).units(owned, key),
    );
    expect(mixed.size).toBe(5);
    for (const [unit, values] of packed) expect(mixed.get(unit)).toEqual(values);
    expect(mixed.get(pseudonymOf(other, key))).toEqual(['1', 'Narva', '1']);
  });

  it('of an empty relation are no units', async () => {
    const repository = new StatisticsRepository(db, {
      agency: 'population',
      relationSql: `select 'x'::text as national_id, true as people, 'a'::text as municipality, 1::float8 as income where false`,
    });
    const extract = await repository.units(owned, key);
    expect(pseudonymList(extract)).toEqual([]);
    expect(extract.flags.PEOPLE).toBe('');
  });
});
