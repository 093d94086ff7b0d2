import type { Db } from '../db/createDb';
import {
  BLOCK_ID_BYTES,
  blocksOfFixedWidthIds,
  blocksOfIds,
  pseudonymiseUnits,
  type UnitBlocks,
} from './pseudonymise';
import {
  type CellsExtract,
  type ExtractCell,
  packGroupedCategories,
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
 * from a request; no statement takes a parameter.
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
    const rows = await this.read(sql, 'cells');
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
   * values, in ascending order of pseudonym. The database groups the units by their owned
   * flags and categories and returns each group's units packed in one string (so a million
   * units are one scan, a handful of rows and no text per unit for the values); the agency's
   * process pseudonymises and sorts them (pseudonymise.ts). The national IDs go no further
   * than this process.
   */
  async units(owned: OwnedVariables, key: Buffer): Promise<UnitsExtract> {
    const fast = await this.unitGroups(owned, 'concatenated');
    const groups = fast.every((group) => {
      const width = Number(group.longest);
      const ids = String(group.units);
      return (
        width <= BLOCK_ID_BYTES &&
        Number(group.shortest) === width &&
        // ASCII: one byte a character.
        ids.length === Number(group.n) * width &&
        Buffer.byteLength(ids, 'utf8') === ids.length
      );
    })
      ? fast
      : // IDs of mixed widths, long ones or ones not in ASCII: separated, for this process to read.
        await this.unitGroups(owned, 'separated');
    const count = groups.reduce((sum, group) => sum + Number(group.n), 0);
    const groupOf = new Uint32Array(count);
    const parts: Buffer[] = [];
    const long: UnitBlocks['long'] = [];
    let first = 0;
    groups.forEach((group, g) => {
      const n = Number(group.n);
      groupOf.fill(g, first, first + n);
      const blocks =
        groups === fast
          ? blocksOfFixedWidthIds(
              Buffer.from(String(group.units), 'latin1'),
              Number(group.longest),
              n,
            )
          : blocksOfIds(String(group.units), SEPARATOR, n);
      parts.push(blocks.blocks);
      for (const unit of blocks.long) long.push({ unit: unit.unit + first, id: unit.id });
      first += n;
    });
    const { units, order } = pseudonymiseUnits(
      { blocks: Buffer.concat(parts, count * 16), long },
      count,
      key,
    );
    const extract: UnitsExtract = { mode: 'units', units, flags: {}, categories: {}, numbers: {} };
    owned.populations.forEach((name, i) => {
      const ofGroup = Uint8Array.from(groups, (group) => (group[`f${i}`] === true ? ONE : ZERO));
      const flags = Buffer.allocUnsafe(count);
      for (let k = 0; k < count; k++) flags[k] = ofGroup[groupOf[order[k]!]!]!;
      extract.flags[name] = flags.toString('latin1');
    });
    owned.dimensions.forEach((name, i) => {
      const categories = groups.map((group) => group[`d${i}`]);
      extract.categories[name] = packGroupedCategories(
        categories.map((category) => (category === null ? null : String(category))),
        groupOf,
        order,
      );
    });
    if (owned.numeric) {
      const items: string[] = [];
      for (const group of groups) {
        const list = Number(group.n) === 0 ? [] : String(group.m0).split(',');
        if (list.length !== Number(group.n))
          throw new Error(`${this.source.agency}: a number list is not one per unit`);
        for (const item of list) items.push(item);
      }
      extract.numbers[owned.numeric.name] = Array.from(order, (at) => items[at]!).join(',');
    }
    return extract;
  }

  private read(sql: string, kind: 'cells' | 'units'): Promise<Record<string, unknown>[]> {
    return this.db.transaction(async (trx) => {
      await trx.raw(READ_SETTINGS_SQL[kind]);
      const { rows } = await trx.raw<{ rows: Record<string, unknown>[] }>(sql);
      return rows;
    });
  }

  /**
   * The units grouped by their owned flags (f0, ...) and categories (d0, ...): per group, its
   * size, its shortest and longest national ID in bytes, its units (the national IDs one after
   * another, or separated by SEPARATOR) and, for a measure, the values in the same order (m0).
   */
  private async unitGroups(
    owned: OwnedVariables,
    units: 'concatenated' | 'separated',
  ): Promise<Record<string, unknown>[]> {
    const keys = [
      ...owned.populations.map((name, i) => `${columnOf(name)} as f${i}`),
      ...owned.dimensions.map((name, i) => `${columnOf(name)}::text as d${i}`),
    ];
    const measure = owned.numeric
      ? [
          `coalesce(string_agg(coalesce((${clamped(columnOf(owned.numeric.name), owned.numeric.bound)})::text, ''), ','), '') as m0`,
        ]
      : [];
    const list = `string_agg(national_id, ${units === 'concatenated' ? "''" : SEPARATOR_SQL})`;
    const select = [
      ...keys,
      'count(*)::int as n',
      'coalesce(min(octet_length(national_id)), 0) as shortest',
      'coalesce(max(octet_length(national_id)), 0) as longest',
      `${list} as units`,
      ...measure,
    ];
    const sql =
      `select ${select.join(', ')} from (${this.source.relationSql}) as statistics_relation` +
      (keys.length ? ` group by ${keys.map((_, i) => i + 1).join(', ')}` : '');
    const rows = await this.read(sql, 'units');
    // An empty relation still gives one row without grouping: it has no units.
    return rows.filter((row) => Number(row.n) > 0);
  }
}

/**
 * Settings of a statistics read, for its transaction only: no JIT compilation, which costs
 * these one-off statements more than it saves (about 80 ms of a second at a million people);
 * and for the units, memory enough to hash-aggregate a register of a million people instead of
 * sorting it (a third off the Social Insurance Board's part). The cells' GROUP BY is left at the
 * server's memory: hashing instead of its parallel sort made it slower.
 */
const READ_SETTINGS_SQL = {
  cells: "select set_config('jit', 'off', true)",
  units: "select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)",
};

const ONE = '1'.charCodeAt(0);
const ZERO = '0'.charCodeAt(0);

/** Between the national IDs of a group: a control character none holds. */
const SEPARATOR = '\x1f';
const SEPARATOR_SQL = "E'\\x1f'";

/**
 * A unit's contribution, clamped to [0, bound] so that one person moves a sum by at most the
 * bound; null (no value) stays null, which `greatest` alone would turn into 0.
 */
function clamped(column: string, bound: number): string {
  return `case when ${column} is null then null else least(greatest(${column}::float8, 0), ${Number(bound)}) end`;
}
