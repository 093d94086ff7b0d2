import type { SuppressionReason } from './DisclosureTable';

/** The share of a cell's sum above which one contributor dominates it (n = 1, k = 85%). */
export const DOMINANCE_SHARE = 0.85;

export interface PrimaryInput {
  /** Units in the cell (for a sum or mean: units with a value). */
  n: number;
  /** The cell's counts in every enclosing population of the table's. */
  enclosing: number[];
  /** For a sum or mean: the units with a value, the sum and the largest single contribution. */
  measured?: number;
  sum?: number;
  max?: number;
}

/**
 * Primary suppression of one cell for a minimum cell size k: fewer than k units (but some);
 * for sums and means, one unit contributing more than 85% of the sum; and differencing: the same
 * cell of an enclosing population holds 1 to k-1 units more, so that the two tables' difference
 * would single those people out. Empty cells are released (an empty cell names no one).
 */
export function primarySuppression(cell: PrimaryInput, k: number): SuppressionReason | null {
  if (cell.n > 0 && cell.n < k) return 'SMALL_CELL';
  if (cell.measured !== undefined && cell.measured > 0 && cell.measured < k) return 'SMALL_CELL';
  if (cell.sum !== undefined && cell.max !== undefined && cell.sum > 0) {
    if (cell.max > DOMINANCE_SHARE * cell.sum) return 'DOMINANCE';
  }
  for (const wider of cell.enclosing) {
    const difference = wider - cell.n;
    if (difference > 0 && difference < k) return 'DIFFERENCING';
  }
  return null;
}
