import { seededUniform } from '../../../platform/statistics/disclosure/laplaceNoise';
import {
  encodeUnits,
  packCategories,
  type StatisticsExtract,
  type UnitsExtract,
} from '../../../platform/statistics/StatisticsExtract';
import { resolveSpec } from '../../../platform/statistics/StatisticsSpec';
import type { StatisticsAgency } from '../../../platform/statistics/statisticalVariables';
import { joinExtracts } from './joinExtracts';
import { releaseTable } from './releaseTable';

/** A units extract of these pseudonyms, with flags and one dimension's values. */
function extract(
  units: number[],
  flags: Record<string, boolean[]>,
  dimension?: { name: string; values: (string | null)[] },
): UnitsExtract {
  return {
    mode: 'units',
    units: encodeUnits(units.map((i) => (BigInt(i) << 40n) | 7n)),
    flags: Object.fromEntries(
      Object.entries(flags).map(([name, list]) => [
        name,
        list.map((f) => (f ? '1' : '0')).join(''),
      ]),
    ),
    categories: dimension ? { [dimension.name]: packCategories(dimension.values) } : {},
    numbers: {},
  };
}

describe('joining the parts of a table', () => {
  // 30 people; 25 receive a benefit, 20 of them a child allowance; the tax board knows 24.
  const people = Array.from({ length: 30 }, (_, i) => i);
  const bands = people.map((i) => (i < 24 ? (i % 2 === 0 ? '0-9999' : '10000-19999') : null));
  const parts = new Map<StatisticsAgency, StatisticsExtract>([
    ['population', extract(people, { PEOPLE: people.map(() => true) })],
    [
      'social',
      extract(people.slice(0, 25), {
        BENEFIT_RECIPIENTS: people.slice(0, 25).map(() => true),
        CHILD_ALLOWANCE_RECIPIENTS: people.slice(0, 25).map((i) => i < 20),
      }),
    ],
    ['tax', extract(people.slice(0, 24), {}, { name: 'INCOME_BAND', values: bands.slice(0, 24) })],
  ]);
  const resolved = resolveSpec({
    population: 'CHILD_ALLOWANCE_RECIPIENTS',
    measure: 'COUNT',
    of: null,
    by: ['INCOME_BAND'],
    epsilon: null,
  });

  it('counts each population of the spec per cell, NONE where an agency has no record', () => {
    const cells = joinExtracts(resolved, parts);
    const byBand = Object.fromEntries(cells.map((c) => [c.key[0], c.counts]));
    expect(byBand).toEqual({
      '0-9999': { CHILD_ALLOWANCE_RECIPIENTS: 10, BENEFIT_RECIPIENTS: 12, PEOPLE: 12 },
      '10000-19999': { CHILD_ALLOWANCE_RECIPIENTS: 10, BENEFIT_RECIPIENTS: 12, PEOPLE: 12 },
      NONE: { BENEFIT_RECIPIENTS: 1, PEOPLE: 6 },
    });
  });

  it('withholds cells whose enclosing population is 1 to k-1 larger, and their complements', () => {
    const table = releaseTable(resolved, joinExtracts(resolved, parts), {
      minCellSize: 10,
      epsilon: null,
      uniform: seededUniform(1),
    });
    expect(table.cells.map((c) => [c.categories[0], c.value, c.suppressed])).toEqual([
      ['0-9999', null, 'DIFFERENCING'],
      ['10000-19999', null, 'DIFFERENCING'],
      ...Array.from({ length: 9 }, (_, i) => [
        `${(i + 2) * 10_000}-${(i + 2) * 10_000 + 9_999}`.replace('100000-109999', '100000+'),
        0,
        null,
      ]),
      // Empty, but one benefit recipient is there: releasing 0 would say they get no child allowance.
      ['NONE', null, 'DIFFERENCING'],
    ]);
    // The grand total (20) differs from the benefit recipients' (25) by 5 < k: withheld too.
    expect(table.margins).toEqual([
      { dimension: null, category: null, value: null, suppressed: 'DIFFERENCING' },
    ]);
  });

  it('adds noise to released counts at the stated scale, totals from the noisy cells', () => {
    const people2 = resolveSpec({
      population: 'PEOPLE',
      measure: 'COUNT',
      of: null,
      by: ['SEX'],
      epsilon: 0.5,
    });
    const table = releaseTable(
      people2,
      [
        { key: ['F'], counts: { PEOPLE: 500 }, sum: 0, max: 0, measured: 0 },
        { key: ['M'], counts: { PEOPLE: 480 }, sum: 0, max: 0, measured: 0 },
      ],
      { minCellSize: 10, epsilon: 0.5, uniform: seededUniform(5) },
    );
    expect(table.noise).toEqual({
      mechanism: 'LAPLACE',
      epsilon: 0.5,
      countSensitivity: 1,
      countScale: 2,
      sumSensitivity: null,
      sumScale: null,
    });
    const [f, m] = table.cells.map((c) => c.value!);
    expect(Math.abs(f! - 500)).toBeLessThan(40);
    expect(Math.abs(m! - 480)).toBeLessThan(40);
    expect(Math.abs(table.margins[0]!.value! - (f! + m!))).toBeLessThanOrEqual(1);
  });
});
