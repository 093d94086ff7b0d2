import { createHash } from 'node:crypto';
import { isValidNationalId } from '../platform/identity/nationalId';
import { generateCountry } from './country';
import { SHOWCASE } from './showcase';
import { TABLES, type CountryRows } from './rows';

function collect(seed: string, people: number): CountryRows {
  const all = Object.fromEntries(TABLES.map((t) => [t, [] as object[]])) as unknown as Record<
    string,
    object[]
  >;
  for (const batch of generateCountry({ seed, people, batchSize: 500 })) {
    for (const table of TABLES) all[table]!.push(...(batch.rows[table] as object[]));
  }
  return all as unknown as CountryRows;
}

const digest = (rows: CountryRows) =>
  createHash('sha256').update(JSON.stringify(rows)).digest('hex');

describe('the demo country generator', () => {
  const country = collect('test-seed', 3_000);

  it('makes the same country from the same seed, and another from another seed', () => {
    expect(digest(collect('test-seed', 3_000))).toBe(digest(country));
    expect(digest(collect('other-seed', 3_000))).not.toBe(digest(country));
  });

  it('makes exactly the number of people asked for, with unique valid national IDs', () => {
    const ids = country['population.person'].map((p) => p.national_id);
    expect(ids).toHaveLength(3_000);
    expect(new Set(ids).size).toBe(3_000);
    expect(ids.every(isValidNationalId)).toBe(true);
  });

  it('gives the showcase person a record in every agency', () => {
    const of = <T extends { national_id?: string; owner_id?: string }>(rows: T[]) =>
      rows.filter((r) => (r.national_id ?? r.owner_id) === SHOWCASE.nationalId);
    expect(of(country['population.person'])).toHaveLength(1);
    expect(of(country['tax.income_assessment'])).toHaveLength(5);
    expect(of(country['social.benefit_claim']).length).toBeGreaterThan(0);
    expect(of(country['health.vaccination']).length).toBeGreaterThan(0);
    expect(of(country['transport.vehicle']).length).toBeGreaterThan(0);
    expect(of(country['business.board_member']).length).toBeGreaterThan(0);
  });

  it('links children to parents who are at least 18 years older, within one household', () => {
    const people = new Map(country['population.person'].map((p) => [p.national_id, p]));
    expect(country['population.parent_child'].length).toBeGreaterThan(500);
    for (const { parent_id, child_id } of country['population.parent_child']) {
      const parent = people.get(parent_id)!;
      const child = people.get(child_id)!;
      expect(child.household_id).toBe(parent.household_id);
      expect(
        Number(child.date_of_birth.slice(0, 4)) - Number(parent.date_of_birth.slice(0, 4)),
      ).toBeGreaterThanOrEqual(18);
    }
  });

  it('only seats adults of the register on company boards', () => {
    const people = new Map(country['population.person'].map((p) => [p.national_id, p]));
    for (const seat of country['business.board_member']) {
      const member = people.get(seat.national_id);
      expect(member).toBeDefined();
      expect(Number(member!.date_of_birth.slice(0, 4))).toBeLessThanOrEqual(2007);
    }
  });
});
