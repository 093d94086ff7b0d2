import type { Db } from '../db/createDb';
import { pseudonymSql } from './pseudonymKey';
import {
  assertUnitsAscending,
  type CellsExtract,
  type ExtractCell,
  packCategories,
  type UnitsExtract,
} from './StatisticsExtract';
import { columnOf, type StatisticsSource } from './StatisticsSource';

/** What one agency is asked to compute: the variables of a spec that it owns. */
export interface OwnedVariables {
  /** Populations, widest last; the first is the one counted (cells mode). */
  populations: string[];
  dimensions: string[];
  numeric: { name: string; bound: number } | null;
}

/**
 * The one place an agency's statistics are read: a GROUP BY over its own relation (the fast
 * path), or its units under a query's pseudonyms. Column names come from the registry, never
 * from a request; the only parameter, the pseudonym key, is bound.
 */
export class StatisticsRepository {
  constructor(
    private readonly db: Db,
    private readonly source: StatisticsSource,
  ) {}

  /** Every cell of the table, with the counts of the enclosing populations for the same cell. */
  async cells(owned: OwnedVariables): Promise<CellsExtract> {
    const dims = owned.dimensions.map(columnOf);
    const counted = owned.populations.map(
      (name, i) => `count(*) filter (where ${columnOf(name)}) as n${i}`,
    );
    const target = columnOf(owned.populations[0]!);
    const value = owned.numeric ? clamped(columnOf(owned.numeric.name), owned.numeric.bound) : null;
    const measureColumns = value
      ? [
          `coalesce(sum(${value}) filter (where ${target}), 0) as sum`,
          `coalesce(max(${value}) filter (where ${target}), 0) as max`,
          `count(${value}) filter (where ${target}) as measured`,
        ]
      : [];
    const widest = columnOf(owned.populations[owned.populations.length - 1]!);
    const select = [...dims.map((d) => `${d}::text as ${d}`), ...counted, ...measureColumns];
    const sql =
      `select ${select.join(', ')} from (${this.source.relationSql}) as statistics_relation` +
      ` where ${widest}` +
      (dims.length ? ` group by ${dims.join(', ')}` : '');
    const { rows } = await this.db.raw<{ rows: Record<string, unknown>[] }>(sql);
    const cells: ExtractCell[] = rows.map((row) => ({
      key: dims.map((d) => (row[d] === null ? null : String(row[d]))) as string[],
      counts: Object.fromEntries(owned.populations.map((name, i) => [name, Number(row[`n${i}`])])),
      sum: value ? Number(row.sum) : 0,
      max: value ? Number(row.max) : 0,
      measured: value ? Number(row.measured) : 0,
    }));
    return { mode: 'cells', cells };
  }

  /**
   * Every person of the agency's relation, pseudonymised with the query's key, with the owned
   * values, in ascending order of pseudonym. The database packs the lists (one row, not a row
   * per person), so that a million units cost one sort and a few strings.
   */
  async units(owned: OwnedVariables, key: string): Promise<UnitsExtract> {
    const flags = owned.populations.map(columnOf);
    const dims = owned.dimensions.map(columnOf);
    const numeric = owned.numeric;
    // Each unit's values as text, never null (string_agg skips nulls): a category prefixed
    // with '=' so that an empty one is told from none.
    const perUnit = [
      `${pseudonymSql('national_id')} collate "C" as k`,
      ...flags.map((f, i) => `case when ${f} then '1' else '0' end as f${i}`),
      ...dims.map((d, i) => `case when ${d} is null then '' else '=' || ${d}::text end as d${i}`),
      ...(numeric
        ? [`coalesce((${clamped(columnOf(numeric.name), numeric.bound)})::text, '') as m0`]
        : []),
    ];
    const lists = [
      'count(*)::int as n',
      `coalesce(string_agg(k, ''), '') as units`,
      ...flags.map((_, i) => `coalesce(string_agg(f${i}, ''), '') as f${i}`),
      ...dims.map((_, i) => `coalesce(string_agg(d${i}, ${CATEGORY_SEPARATOR_SQL}), '') as d${i}`),
      ...(numeric ? [`coalesce(string_agg(m0, ','), '') as m0`] : []),
    ];
    const sql =
      `select ${lists.join(', ')} from (select ${perUnit.join(', ')}` +
      ` from (${this.source.relationSql}) as statistics_relation order by k) as units`;
    const { rows } = await this.db.raw<{ rows: Record<string, string | number>[] }>(sql, [key]);
    const row = rows[0]!;
    const count = Number(row.n);
    const units = String(row.units);
    assertUnitsAscending(units, this.source.agency);
    const extract: UnitsExtract = { mode: 'units', units, flags: {}, categories: {}, numbers: {} };
    owned.populations.forEach((name, i) => (extract.flags[name] = String(row[`f${i}`])));
    owned.dimensions.forEach((name, i) => {
      const items = count === 0 ? [] : String(row[`d${i}`]).split(CATEGORY_SEPARATOR);
      if (items.length !== count)
        throw new Error(`${this.source.agency}: a category of ${name} holds the list separator`);
      extract.categories[name] = packCategories(
        items.map((item) => (item === '' ? null : item.slice(1))),
      );
    });
    if (numeric) extract.numbers[numeric.name] = String(row.m0);
    return extract;
  }
}

/** Between the categories of a unit list: a control character no category holds. */
const CATEGORY_SEPARATOR = '\x1f';
const CATEGORY_SEPARATOR_SQL = "E'\\x1f'";

/** A unit's contribution, clamped to [0, bound] so that one person moves a sum by at most the bound. */
function clamped(column: string, bound: number): string {
  return `least(greatest(${column}::float8, 0), ${Number(bound)})`;
}
