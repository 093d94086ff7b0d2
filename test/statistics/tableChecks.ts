import type { GraphQLResponse } from '../support/testFederation';

export interface Cell {
  categories: string[];
  value: number | null;
  suppressed: boolean;
  reason: string | null;
}

export interface Margin {
  dimension: string | null;
  category: string | null;
  value: number | null;
  suppressed: boolean;
  reason: string | null;
}

export interface Table {
  cells: Cell[];
  margins: Margin[];
  disclosure: { minCellSize: number; suppressedCells: number; agreements: string[] };
}

export const TABLE_FIELDS = `cells { categories value suppressed reason }
  margins { dimension category value suppressed reason }
  disclosure { minCellSize suppressedCells suppressedMargins agreements
    reasons { reason cells margins } noise { epsilon countScale } budget { epsilonSpent epsilonRemaining } }`;

/** The table of a response with no errors. */
export function tableOf(response: GraphQLResponse): Table {
  expect(response.body.errors).toBeUndefined();
  return (response.body.data as { statistics: Table }).statistics;
}

/**
 * A released table agrees with the truth: every released value is the true count, every cell
 * withheld as small is small, no released cell is small, every category found is a cell and the
 * grand total, when released, is the true total.
 */
export function expectTruth(table: Table, truth: Map<string, number>): void {
  const k = table.disclosure.minCellSize;
  const keys = new Set(table.cells.map((cell) => JSON.stringify(cell.categories)));
  for (const key of truth.keys()) expect(keys).toContain(key);
  let released = 0;
  for (const cell of table.cells) {
    const n = truth.get(JSON.stringify(cell.categories)) ?? 0;
    if (cell.suppressed) {
      expect(cell.value).toBeNull();
      if (cell.reason === 'SMALL_CELL') expect(n > 0 && n < k).toBe(true);
    } else {
      expect({ categories: cell.categories, value: cell.value }).toEqual({
        categories: cell.categories,
        value: n,
      });
      expect(n === 0 || n >= k).toBe(true);
      released++;
    }
  }
  expect(released).toBeGreaterThan(0);
  const total = table.margins.find((m) => m.dimension === null)!;
  if (!total.suppressed) expect(total.value).toBe([...truth.values()].reduce((a, b) => a + b, 0));
}
