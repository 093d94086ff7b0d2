import type { ResolvedSpec } from '../../../platform/statistics/StatisticsSpec';
import {
  type ExtractCell,
  type StatisticsExtract,
  type UnitsExtract,
  unitAt,
  unitCount,
} from '../../../platform/statistics/StatisticsExtract';
import { NO_VALUE, type StatisticsAgency } from '../../../platform/statistics/statisticalVariables';

/** Values of one agency's extract looked up by pseudonym. */
interface Lookup {
  extract: UnitsExtract;
  rowOf: Map<string, number>;
}

/**
 * Joins the agencies' pseudonymous extracts of one query into cells: the units of each
 * population of the spec (its own and those it lies within) from their owner, each given the
 * categories and value the other agencies hold under the same pseudonym, or `NONE` where an
 * agency has no record of the unit. Only counts, sums and largest contributions per cell come
 * out; the pseudonyms are of this query alone and are dropped with the extracts.
 */
export function joinExtracts(
  resolved: ResolvedSpec,
  extracts: ReadonlyMap<StatisticsAgency, StatisticsExtract>,
): ExtractCell[] {
  const lookups = new Map<StatisticsAgency, Lookup>();
  const lookupOf = (agency: StatisticsAgency): Lookup => {
    let lookup = lookups.get(agency);
    if (!lookup) {
      const extract = extracts.get(agency);
      if (extract?.mode !== 'units') throw new Error(`${agency} sent no units for a joined table`);
      const rowOf = new Map<string, number>();
      for (let i = 0; i < unitCount(extract); i++) rowOf.set(unitAt(extract, i), i);
      lookup = { extract, rowOf };
      lookups.set(agency, lookup);
    }
    return lookup;
  };
  const cells = new Map<string, ExtractCell>();
  const target = resolved.population.name;
  for (const population of resolved.populations) {
    const owner = lookupOf(population.agency).extract;
    const flags = owner.flags[population.name] ?? '';
    for (let i = 0; i < unitCount(owner); i++) {
      if (flags[i] !== '1') continue;
      const unit = unitAt(owner, i);
      const key = resolved.dimensions.map((dimension) => {
        const { extract, rowOf } = lookupOf(dimension.agency);
        const row = extract === owner ? i : rowOf.get(unit);
        const packed = extract.categories[dimension.name]!;
        const index = row === undefined ? -1 : packed.index[row]!;
        return index < 0 ? NO_VALUE : packed.codes[index]!;
      });
      const id = JSON.stringify(key);
      let cell = cells.get(id);
      if (!cell) {
        cell = { key, counts: {}, sum: 0, max: 0, measured: 0 };
        cells.set(id, cell);
      }
      cell.counts[population.name] = (cell.counts[population.name] ?? 0) + 1;
      if (population.name !== target || !resolved.numeric) continue;
      const { extract, rowOf } = lookupOf(resolved.numeric.agency);
      const row = extract === owner ? i : rowOf.get(unit);
      const value = row === undefined ? null : extract.numbers[resolved.numeric.name]![row]!;
      if (value === null) continue;
      cell.sum += value;
      cell.max = Math.max(cell.max, value);
      cell.measured += 1;
    }
  }
  return [...cells.values()];
}
