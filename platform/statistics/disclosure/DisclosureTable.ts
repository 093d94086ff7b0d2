/** Why a released value is withheld. */
export type SuppressionReason =
  /** Fewer than k units (primary). */
  | 'SMALL_CELL'
  /** One unit contributes most of the cell's sum (primary, sums and means). */
  | 'DOMINANCE'
  /** The same cell of an enclosing population differs from it by fewer than k units (primary). */
  | 'DIFFERENCING'
  /** Withheld so that another withheld value cannot be worked out from the totals (secondary). */
  | 'COMPLEMENTARY';

export interface DisclosureCell {
  key: string[];
  /** Units in the cell (for a sum or mean: units with a value). */
  n: number;
  suppressed: SuppressionReason | null;
}

/**
 * A released total: the sum of its member cells (a row or column total, a one-dimensional
 * margin of a larger table, or the grand total).
 */
export interface DisclosureMargin {
  /** The dimension's position, or null for the grand total. */
  dimension: number | null;
  category: string | null;
  members: number[];
  n: number;
  suppressed: SuppressionReason | null;
}

/**
 * A table as disclosure control sees it: cells and the totals released beside them. Values are
 * quantities 0..cells-1 (the cells) and cells..cells+margins-1 (the margins); each margin is a
 * linear equation between them (margin = sum of its members).
 */
export interface DisclosureTable {
  dimensions: number;
  cells: DisclosureCell[];
  margins: DisclosureMargin[];
}

/**
 * The totals released with a table: the grand total and, for two dimensions or more, the total
 * of every category of every dimension (in one dimension those are the cells themselves).
 */
export function marginsOf(
  dimensions: number,
  cells: readonly DisclosureCell[],
): DisclosureMargin[] {
  const margins: DisclosureMargin[] = [];
  if (dimensions >= 2) {
    for (let d = 0; d < dimensions; d++) {
      const byCategory = new Map<string, number[]>();
      cells.forEach((cell, i) => {
        const members = byCategory.get(cell.key[d]!) ?? [];
        members.push(i);
        byCategory.set(cell.key[d]!, members);
      });
      for (const [category, members] of byCategory) {
        margins.push({
          dimension: d,
          category,
          members,
          n: sumOf(cells, members),
          suppressed: null,
        });
      }
    }
  }
  const all = cells.map((_, i) => i);
  margins.push({
    dimension: null,
    category: null,
    members: all,
    n: sumOf(cells, all),
    suppressed: null,
  });
  return margins;
}

function sumOf(cells: readonly DisclosureCell[], members: readonly number[]): number {
  return members.reduce((sum, i) => sum + cells[i]!.n, 0);
}

/** Whether quantity q (a cell, then the margins) is withheld. */
export function isSuppressed(table: DisclosureTable, q: number): boolean {
  const { cells, margins } = table;
  return q < cells.length
    ? cells[q]!.suppressed !== null
    : margins[q - cells.length]!.suppressed !== null;
}
