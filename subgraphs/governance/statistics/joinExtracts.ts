import type { ResolvedSpec } from '../../../platform/statistics/StatisticsSpec';
import {
  categoryNumbers,
  decodeUnits,
  type DecodedUnits,
  type ExtractCell,
  type PackedCategories,
  rowsInOther,
  type StatisticsExtract,
  type UnitsExtract,
  unpackNumbers,
} from '../../../platform/statistics/StatisticsExtract';
import { NO_VALUE, type StatisticsAgency } from '../../../platform/statistics/statisticalVariables';

/**
 * Joins the agencies' pseudonymous extracts of one query into cells: the units of each
 * population of the spec (its own and those it lies within) from their owner, each given the
 * categories and value the other agencies hold under the same pseudonym, or `NONE` where an
 * agency has no record of the unit. Every extract's units are in ascending order (checked), so
 * each pair of agencies joins by one merge. Only counts, sums and largest contributions per
 * cell come out; the pseudonyms are of this query alone and are dropped with the extracts.
 */
export function joinExtracts(
  resolved: ResolvedSpec,
  extracts: ReadonlyMap<StatisticsAgency, StatisticsExtract>,
): ExtractCell[] {
  const decoded = new Map<StatisticsAgency, DecodedUnits>();
  const unitsOf = (agency: StatisticsAgency): UnitsExtract => {
    const extract = extracts.get(agency);
    if (extract?.mode !== 'units') throw new Error(`${agency} sent no units for a joined table`);
    return extract;
  };
  // Each agency's pseudonyms as numbers, checked in ascending order once.
  const pseudonymsOf = (agency: StatisticsAgency): DecodedUnits => {
    let units = decoded.get(agency);
    if (!units) {
      units = decodeUnits(unitsOf(agency).units, agency);
      decoded.set(agency, units);
    }
    return units;
  };
  const unitTotal = (agency: StatisticsAgency) => pseudonymsOf(agency).count;
  // Rows of another agency's units for each unit of an owner, by owner and agency.
  const merged = new Map<string, Int32Array | null>();
  const rowsFor = (owner: StatisticsAgency, agency: StatisticsAgency): Int32Array | null => {
    if (owner === agency) return null;
    const pair = `${owner}>${agency}`;
    let rows = merged.get(pair);
    if (rows === undefined) {
      rows = rowsInOther(pseudonymsOf(owner), pseudonymsOf(agency));
      merged.set(pair, rows);
    }
    return rows;
  };
  const numeric = resolved.numeric;
  const numbers = numeric
    ? unpackNumbers(unitsOf(numeric.agency).numbers[numeric.name] ?? '', unitTotal(numeric.agency))
    : null;
  const categoriesOf = new Map<string, Int32Array>();
  const numbersOf = (dimension: ResolvedSpec['dimensions'][number]): Int32Array => {
    let list = categoriesOf.get(dimension.name);
    if (!list) {
      list = categoryNumbers(unitsOf(dimension.agency).categories[dimension.name]!);
      if (list.length !== unitTotal(dimension.agency))
        throw new Error(`${dimension.agency}'s ${dimension.name} is not one category per unit`);
      categoriesOf.set(dimension.name, list);
    }
    return list;
  };

  const cells = new Map<number, ExtractCell>();
  const target = resolved.population.name;
  for (const population of resolved.populations) {
    const owner = unitsOf(population.agency);
    const units = unitTotal(population.agency);
    const flags = owner.flags[population.name] ?? '';
    if (flags.length !== units)
      throw new Error(`${population.agency}'s ${population.name} is not one flag per unit`);
    const dimensions = resolved.dimensions.map((dimension) => ({
      packed: unitsOf(dimension.agency).categories[dimension.name]!,
      numbers: numbersOf(dimension),
      rows: rowsFor(population.agency, dimension.agency),
    }));
    const measured =
      population.name === target && numeric
        ? { rows: rowsFor(population.agency, numeric.agency), values: numbers! }
        : null;
    for (let i = 0; i < units; i++) {
      if (flags.charCodeAt(i) !== ONE) continue;
      // The cell as one number: each dimension's category number (0: none) in mixed radix.
      let id = 0;
      for (const { packed, numbers: categories, rows } of dimensions) {
        const row = rows ? rows[i]! : i;
        id = id * (packed.codes.length + 1) + (row < 0 ? 0 : categories[row]!);
      }
      let cell = cells.get(id);
      if (!cell) {
        cell = { key: keyOf(id, dimensions), counts: {}, sum: 0, max: 0, measured: 0 };
        cells.set(id, cell);
      }
      cell.counts[population.name] = (cell.counts[population.name] ?? 0) + 1;
      if (!measured) continue;
      const row = measured.rows ? measured.rows[i]! : i;
      const value = row < 0 ? NaN : measured.values[row]!;
      if (Number.isNaN(value)) continue;
      cell.sum += value;
      cell.max = Math.max(cell.max, value);
      cell.measured += 1;
    }
  }
  return [...cells.values()];
}

const ONE = '1'.charCodeAt(0);

/** The categories of a cell numbered as in the join, `NONE` for a unit without one. */
function keyOf(id: number, dimensions: readonly { packed: PackedCategories }[]): string[] {
  const key: string[] = new Array<string>(dimensions.length);
  for (let d = dimensions.length - 1; d >= 0; d--) {
    const { codes } = dimensions[d]!.packed;
    const n = id % (codes.length + 1);
    id = (id - n) / (codes.length + 1);
    key[d] = n === 0 ? NO_VALUE : codes[n - 1]!;
  }
  return key;
}
