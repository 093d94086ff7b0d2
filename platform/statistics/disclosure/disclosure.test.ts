import {
  type DisclosureCell,
  type DisclosureTable,
  isSuppressed,
  marginsOf,
} from './DisclosureTable';
import { laplace, secureUniform, seededUniform } from './laplaceNoise';
import { primarySuppression } from './primarySuppression';
import { recoverableValues } from './recoverableValues';
import { suppressComplements } from './suppressComplements';

const K = 10;

/** A table of these counts (rows of a 2-D table, or one row for 1-D), with primary suppression applied. */
function tableOf(counts: number[][]): DisclosureTable {
  const dimensions = counts.length === 1 ? 1 : 2;
  const cells: DisclosureCell[] = counts.flatMap((row, r) =>
    row.map((n, c) => ({
      key: dimensions === 1 ? [`c${c}`] : [`r${r}`, `c${c}`],
      n,
      suppressed: primarySuppression({ n, enclosing: [] }, K),
    })),
  );
  return { dimensions, cells, margins: marginsOf(dimensions, cells) };
}

// ---- An attacker, written independently of recoverableValues: exact rational arithmetic. ----

type Fraction = [bigint, bigint];
const reduce = ([n, d]: Fraction): Fraction => {
  if (n === 0n) return [0n, 1n];
  const g = gcd(n < 0n ? -n : n, d < 0n ? -d : d);
  const sign = d < 0n ? -1n : 1n;
  return [(sign * n) / g, (sign * d) / g];
};
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const sub = (a: Fraction, b: Fraction): Fraction =>
  reduce([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
const mul = (a: Fraction, b: Fraction): Fraction => reduce([a[0] * b[0], a[1] * b[1]]);
const div = (a: Fraction, b: Fraction): Fraction => reduce([a[0] * b[1], a[1] * b[0]]);

function rank(matrix: Fraction[][]): number {
  const rows = matrix.map((row) => row.slice());
  let r = 0;
  const columns = rows[0]?.length ?? 0;
  for (let c = 0; c < columns && r < rows.length; c++) {
    const pivot = rows.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot]!, rows[r]!];
    for (let i = r + 1; i < rows.length; i++) {
      const factor = div(rows[i]![c]!, rows[r]![c]!);
      rows[i] = rows[i]!.map((value, k) => sub(value, mul(factor, rows[r]![k]!)));
    }
    r++;
  }
  return r;
}

/**
 * The withheld values an attacker who knows every released value and every total's equation
 * can solve for: q is solvable exactly when adding "q = ?" as an equation does not raise the rank
 * of the system restricted to the unknowns.
 */
function solvableByAttacker(table: DisclosureTable): number[] {
  const total = table.cells.length + table.margins.length;
  const unknown = [...Array(total).keys()].filter((q) => isSuppressed(table, q));
  const equations: Fraction[][] = table.margins.map((margin, j) =>
    unknown.map((q): Fraction => {
      if (q === table.cells.length + j) return [1n, 1n];
      return margin.members.includes(q) ? [-1n, 1n] : [0n, 1n];
    }),
  );
  const base = rank(equations);
  return unknown.filter(
    (q) => rank([...equations, unknown.map((u): Fraction => [u === q ? 1n : 0n, 1n])]) === base,
  );
}

describe('primary suppression', () => {
  it('withholds cells of 1 to k-1 units and releases empty cells and cells of k or more', () => {
    expect([0, 1, 9, 10, 11].map((n) => primarySuppression({ n, enclosing: [] }, K))).toEqual([
      null,
      'SMALL_CELL',
      'SMALL_CELL',
      null,
      null,
    ]);
  });

  it('withholds a sum or mean when one unit contributes more than 85% of it', () => {
    const cell = { n: 12, enclosing: [], measured: 12 };
    expect(primarySuppression({ ...cell, sum: 100_000, max: 86_000 }, K)).toBe('DOMINANCE');
    expect(primarySuppression({ ...cell, sum: 100_000, max: 85_000 }, K)).toBeNull();
  });

  it('withholds a sum or mean of fewer than k units with a value', () => {
    expect(primarySuppression({ n: 40, enclosing: [], measured: 3, sum: 90, max: 30 }, K)).toBe(
      'SMALL_CELL',
    );
  });

  it('withholds a cell whose enclosing population holds 1 to k-1 more units (differencing)', () => {
    expect(primarySuppression({ n: 39, enclosing: [40] }, K)).toBe('DIFFERENCING');
    expect(primarySuppression({ n: 30, enclosing: [40] }, K)).toBeNull();
    expect(primarySuppression({ n: 40, enclosing: [40, 45] }, K)).toBe('DIFFERENCING');
    expect(primarySuppression({ n: 40, enclosing: [40] }, K)).toBeNull();
  });
});

describe('secondary suppression', () => {
  it('in one dimension with a total, withholds a second cell: the smallest non-empty one', () => {
    const table = tableOf([[3, 50, 12, 0, 40]]);
    suppressComplements(table);
    expect(table.cells.map((c) => c.suppressed)).toEqual([
      'SMALL_CELL',
      null,
      'COMPLEMENTARY',
      null,
      null,
    ]);
    expect(table.margins[0]!.suppressed).toBeNull();
    expect(solvableByAttacker(table)).toEqual([]);
  });

  it('withholds the total of a one-dimensional table when no other cell can hide the small one', () => {
    const table = tableOf([[4]]);
    suppressComplements(table);
    expect(table.margins[0]!.suppressed).toBe('COMPLEMENTARY');
    expect(solvableByAttacker(table)).toEqual([]);
  });

  it('leaves no withheld cell of a 2-D table recoverable from its row and column totals', () => {
    const table = tableOf([
      [25, 3, 40, 18],
      [30, 22, 12, 2],
      [11, 14, 60, 33],
    ]);
    expect(solvableByAttacker(table).length).toBeGreaterThan(0);
    suppressComplements(table);
    expect(solvableByAttacker(table)).toEqual([]);
    // Every row and column with a withheld cell has at least two.
    for (const margin of table.margins.filter((m) => m.dimension !== null)) {
      const withheld = margin.members.filter((i) => table.cells[i]!.suppressed).length;
      if (!margin.suppressed) expect(withheld === 0 || withheld >= 2).toBe(true);
    }
  });

  it('protects a pattern the two-per-line rule alone leaves open (a withheld cell on no cycle)', () => {
    // Two 2x2 blocks of small cells joined by one small cell: each line has two withheld
    // cells, but the joining cell is a bridge between the blocks and its value is determined.
    const table = tableOf([
      [5, 5, 50, 50, 50],
      [5, 5, 5, 50, 50],
      [50, 50, 5, 5, 50],
      [50, 50, 5, 5, 50],
      [50, 50, 50, 50, 50],
    ]);
    suppressComplements(table);
    expect(solvableByAttacker(table)).toEqual([]);
  });

  it('leaves nothing recoverable in 200 random 2-D and 1-D tables, checked by an exact solver', () => {
    const uniform = seededUniform(42);
    for (let t = 0; t < 200; t++) {
      const rows = 1 + Math.floor(uniform() * 5);
      const columns = 1 + Math.floor(uniform() * 6);
      const counts = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => {
          const u = uniform();
          return u < 0.2
            ? 0
            : u < 0.5
              ? 1 + Math.floor(uniform() * 9)
              : 10 + Math.floor(uniform() * 90);
        }),
      );
      const table = tableOf(counts);
      const primary = table.cells.map((c) => c.suppressed);
      suppressComplements(table);
      expect(solvableByAttacker(table)).toEqual([]);
      expect(recoverableValues(table)).toEqual([]);
      // Primary suppressions stay; nothing released is small.
      table.cells.forEach((cell, i) => {
        if (primary[i]) expect(cell.suppressed).toBe(primary[i]);
        if (!cell.suppressed) expect(cell.n === 0 || cell.n >= K).toBe(true);
      });
    }
  });

  it('leaves nothing recoverable from the one-dimensional margins of 3-D tables', () => {
    const uniform = seededUniform(11);
    for (let t = 0; t < 30; t++) {
      const sizes = [2 + Math.floor(uniform() * 2), 2 + Math.floor(uniform() * 2), 2];
      const cells: DisclosureCell[] = [];
      for (let a = 0; a < sizes[0]!; a++)
        for (let b = 0; b < sizes[1]!; b++)
          for (let c = 0; c < sizes[2]!; c++) {
            const n =
              uniform() < 0.4 ? 1 + Math.floor(uniform() * 9) : 10 + Math.floor(uniform() * 50);
            cells.push({
              key: [`a${a}`, `b${b}`, `c${c}`],
              n,
              suppressed: primarySuppression({ n, enclosing: [] }, K),
            });
          }
      const table: DisclosureTable = { dimensions: 3, cells, margins: marginsOf(3, cells) };
      suppressComplements(table);
      expect(solvableByAttacker(table)).toEqual([]);
    }
  });

  it('agrees with the exact solver on which withheld values a table gives away', () => {
    const table = tableOf([
      [25, 3, 40],
      [30, 22, 12],
    ]);
    expect(recoverableValues(table)).toEqual(solvableByAttacker(table));
  });
});

describe('Laplace noise', () => {
  it('has mean 0, mean absolute deviation equal to its scale and variance 2 scale^2 (seeded)', () => {
    const uniform = seededUniform(7);
    const scale = 2.5;
    const draws = Array.from({ length: 50_000 }, () => laplace(scale, uniform));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const absolute = draws.reduce((a, b) => a + Math.abs(b), 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(absolute / scale).toBeGreaterThan(0.97);
    expect(absolute / scale).toBeLessThan(1.03);
    expect(variance / (2 * scale * scale)).toBeGreaterThan(0.93);
    expect(variance / (2 * scale * scale)).toBeLessThan(1.07);
    // Symmetric: as many draws above as below 0, within sampling error.
    const above = draws.filter((d) => d > 0).length / draws.length;
    expect(Math.abs(above - 0.5)).toBeLessThan(0.01);
  });

  it('draws the same noise from the same seed', () => {
    const a = seededUniform(3);
    const b = seededUniform(3);
    expect([1, 2, 3].map(() => laplace(1, a))).toEqual([1, 2, 3].map(() => laplace(1, b)));
  });
});

describe('the secure source of noise', () => {
  it('gives numbers in [0, 1)', () => {
    const draws = Array.from({ length: 1000 }, secureUniform);
    expect(draws.every((u) => u >= 0 && u < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });
});
