import {
  type DisclosureCell,
  type DisclosureTable,
  marginsOf,
  type SuppressionReason,
} from '../../../platform/statistics/disclosure/DisclosureTable';
import { laplace, type Uniform } from '../../../platform/statistics/disclosure/laplaceNoise';
import { primarySuppression } from '../../../platform/statistics/disclosure/primarySuppression';
import { suppressComplements } from '../../../platform/statistics/disclosure/suppressComplements';
import type { ExtractCell } from '../../../platform/statistics/StatisticsExtract';
import type { ResolvedSpec } from '../../../platform/statistics/StatisticsSpec';
import { NO_VALUE } from '../../../platform/statistics/statisticalVariables';

export interface ReleasedValue {
  value: number | null;
  suppressed: SuppressionReason | null;
}

export interface ReleasedCell extends ReleasedValue {
  categories: string[];
}

export interface ReleasedMargin extends ReleasedValue {
  /** The dimension's name, or null for the grand total. */
  dimension: string | null;
  category: string | null;
}

export interface NoiseApplied {
  mechanism: 'LAPLACE';
  epsilon: number;
  /** How much one person can change a released count, and the noise's scale for counts. */
  countSensitivity: number;
  countScale: number;
  /** The same for sums (each contribution clamped to [0, bound]), or null for counts. */
  sumSensitivity: number | null;
  sumScale: number | null;
}

export interface ReleasedTable {
  cells: ReleasedCell[];
  margins: ReleasedMargin[];
  minCellSize: number;
  suppressedCells: number;
  suppressedMargins: number;
  reasons: { reason: SuppressionReason; cells: number; margins: number }[];
  noise: NoiseApplied | null;
}

export interface ReleaseOptions {
  minCellSize: number;
  /** Laplace noise at this epsilon, or none. */
  epsilon: number | null;
  uniform: Uniform;
}

interface WorkingValue {
  count: number;
  measured: number;
  sum: number;
  max: number;
  enclosing: number[];
}

/**
 * Turns the true cells of a table into what may be released: every combination of the
 * dimensions' categories (empty ones too), the grand total and one-dimensional margins;
 * primary suppression (small cells, dominance, differencing against the enclosing populations),
 * secondary suppression until nothing withheld can be worked out from the rest, and optional
 * Laplace noise. Margins are sums of the (noisy) cells, so noise costs epsilon once.
 */
export function releaseTable(
  resolved: ResolvedSpec,
  found: readonly ExtractCell[],
  options: ReleaseOptions,
): ReleasedTable {
  const { minCellSize: k } = options;
  const target = resolved.population.name;
  const enclosing = resolved.populations.slice(1).map((p) => p.name);
  const truth = new Map<string, ExtractCell>();
  for (const cell of found) {
    const key = cell.key.map((value) => value ?? NO_VALUE);
    truth.set(JSON.stringify(key), { ...cell, key });
  }
  const keys = crossProduct(
    resolved,
    [...truth.values()].map((c) => c.key),
  );
  const values: WorkingValue[] = keys.map((key) => {
    const cell = truth.get(JSON.stringify(key));
    return {
      count: cell?.counts[target] ?? 0,
      measured: cell?.measured ?? 0,
      sum: cell?.sum ?? 0,
      max: cell?.max ?? 0,
      enclosing: enclosing.map((name) => cell?.counts[name] ?? 0),
    };
  });
  const measured = resolved.numeric !== null;
  const primary = (value: WorkingValue) =>
    primarySuppression(
      measured
        ? {
            n: value.count,
            enclosing: value.enclosing,
            measured: value.measured,
            sum: value.sum,
            max: value.max,
          }
        : { n: value.count, enclosing: value.enclosing },
      k,
    );
  const cells: DisclosureCell[] = keys.map((key, i) => ({
    key,
    n: values[i]!.count,
    suppressed: primary(values[i]!),
  }));
  const table: DisclosureTable = {
    dimensions: resolved.dimensions.length,
    cells,
    margins: marginsOf(resolved.dimensions.length, cells),
  };
  const marginValues = table.margins.map((margin) =>
    combine(margin.members.map((i) => values[i]!)),
  );
  table.margins.forEach((margin, j) => {
    margin.suppressed = primary(marginValues[j]!);
  });
  suppressComplements(table);

  const noise = options.epsilon === null ? null : noiseFor(resolved, options.epsilon);
  const released = values.map((value) => perturb(value, noise, measured, options.uniform));
  const valueOf = (members: readonly number[]) =>
    present(resolved, combine(members.map((i) => released[i]!)), noise !== null);
  const reasons = new Map<SuppressionReason, { cells: number; margins: number }>();
  const tally = (reason: SuppressionReason | null, what: 'cells' | 'margins') => {
    if (!reason) return;
    const entry = reasons.get(reason) ?? { cells: 0, margins: 0 };
    entry[what] += 1;
    reasons.set(reason, entry);
  };
  table.cells.forEach((cell) => tally(cell.suppressed, 'cells'));
  table.margins.forEach((margin) => tally(margin.suppressed, 'margins'));
  return {
    cells: table.cells.map((cell, i) => ({
      categories: cell.key,
      suppressed: cell.suppressed,
      value: cell.suppressed ? null : valueOf([i]),
    })),
    margins: table.margins.map((margin) => ({
      dimension: margin.dimension === null ? null : resolved.dimensions[margin.dimension]!.name,
      category: margin.category,
      suppressed: margin.suppressed,
      value: margin.suppressed ? null : valueOf(margin.members),
    })),
    minCellSize: k,
    suppressedCells: table.cells.filter((c) => c.suppressed).length,
    suppressedMargins: table.margins.filter((m) => m.suppressed).length,
    reasons: [...reasons].map(([reason, counts]) => ({ reason, ...counts })),
    noise,
  };
}

/** Every combination of the dimensions' categories: the published ones in order, then any others found, then NONE. */
function crossProduct(resolved: ResolvedSpec, found: string[][]): string[][] {
  const lists = resolved.dimensions.map((dimension, d) => {
    const seen = new Set(found.map((key) => key[d]!));
    const fixed = dimension.categories ?? [];
    const others = [...seen]
      .filter((value) => value !== NO_VALUE && !fixed.includes(value))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    return [...fixed, ...others, ...(seen.has(NO_VALUE) ? [NO_VALUE] : [])];
  });
  let keys: string[][] = [[]];
  for (const list of lists) keys = keys.flatMap((key) => list.map((value) => [...key, value]));
  return keys;
}

function combine(values: readonly WorkingValue[]): WorkingValue {
  const total: WorkingValue = { count: 0, measured: 0, sum: 0, max: 0, enclosing: [] };
  for (const value of values) {
    total.count += value.count;
    total.measured += value.measured;
    total.sum += value.sum;
    total.max = Math.max(total.max, value.max);
    value.enclosing.forEach((n, i) => (total.enclosing[i] = (total.enclosing[i] ?? 0) + n));
  }
  return total;
}

/**
 * One person is in one cell, so a count moves by at most 1 and a clamped sum by its bound; a
 * mean spends half of epsilon on its count and half on its sum.
 */
function noiseFor(resolved: ResolvedSpec, epsilon: number): NoiseApplied {
  const { spec, numeric } = resolved;
  const share = spec.measure === 'MEAN' ? epsilon / 2 : epsilon;
  return {
    mechanism: 'LAPLACE',
    epsilon,
    countSensitivity: 1,
    countScale: 1 / share,
    sumSensitivity: numeric ? numeric.bound : null,
    sumScale: numeric ? numeric.bound / share : null,
  };
}

/** Noise on the count released: the units (a count) or the units with a value and their sum (a sum or mean). */
function perturb(
  value: WorkingValue,
  noise: NoiseApplied | null,
  measured: boolean,
  uniform: Uniform,
): WorkingValue {
  if (!noise) return value;
  if (!measured) return { ...value, count: value.count + laplace(noise.countScale, uniform) };
  return {
    ...value,
    measured: value.measured + laplace(noise.countScale, uniform),
    sum: value.sum + laplace(noise.sumScale!, uniform),
  };
}

function present(resolved: ResolvedSpec, value: WorkingValue, noisy: boolean): number | null {
  switch (resolved.spec.measure) {
    case 'COUNT':
      return noisy ? Math.max(0, Math.round(value.count)) : value.count;
    case 'SUM':
      return round2(noisy ? Math.max(0, value.sum) : value.sum);
    case 'MEAN': {
      return value.measured < 1 ? null : round2(Math.max(0, value.sum) / value.measured);
    }
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
