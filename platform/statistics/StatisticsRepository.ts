import type { Db } from '../db/createDb';
import { pseudonymSql } from './pseudonymKey';
import type { CellsExtract, ExtractCell, UnitsExtract } from './StatisticsExtract';
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

  /** Every person of the agency's relation, pseudonymised with the query's key, with the owned values. */
  async units(owned: OwnedVariables, key: string): Promise<UnitsExtract> {
    const flags = owned.populations.map(columnOf);
    const dims = owned.dimensions.map(columnOf);
    const numeric = owned.numeric ? [columnOf(owned.numeric.name)] : [];
    const select = [
      `${pseudonymSql('national_id')} as k`,
      ...flags.map((f) => `${f} as ${f}`),
      ...dims.map((d) => `${d}::text as ${d}`),
      ...numeric.map((m) => `${clamped(m, owned.numeric!.bound)} as ${m}`),
    ];
    const sql = `select ${select.join(', ')} from (${this.source.relationSql}) as statistics_relation`;
    const { rows } = await this.db.raw<{ rows: Record<string, unknown>[] }>(sql, [key]);
    const extract: UnitsExtract = {
      mode: 'units',
      units: rows.map((row) => row.k as string).join(''),
      flags: {},
      categories: {},
      numbers: {},
    };
    owned.populations.forEach((name, i) => {
      extract.flags[name] = rows.map((row) => (row[flags[i]!] ? '1' : '0')).join('');
    });
    owned.dimensions.forEach((name, i) => {
      const codes: string[] = [];
      const indexOf = new Map<string, number>();
      const index = rows.map((row) => {
        const value = row[dims[i]!];
        if (value === null || value === undefined) return -1;
        const text = String(value);
        let at = indexOf.get(text);
        if (at === undefined) {
          at = codes.push(text) - 1;
          indexOf.set(text, at);
        }
        return at;
      });
      extract.categories[name] = { codes, index };
    });
    if (owned.numeric) {
      extract.numbers[owned.numeric.name] = rows.map((row) =>
        row[numeric[0]!] === null ? null : Number(row[numeric[0]!]),
      );
    }
    return extract;
  }
}

/** A unit's contribution, clamped to [0, bound] so that one person moves a sum by at most the bound. */
function clamped(column: string, bound: number): string {
  return `least(greatest(${column}::float8, 0), ${Number(bound)})`;
}
