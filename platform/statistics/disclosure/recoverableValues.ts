import { type DisclosureTable, isSuppressed } from './DisclosureTable';

const EPSILON = 1e-9;

/**
 * The withheld values of a table that an attacker could work out exactly from the released ones
 * (the margins' equations): a withheld quantity q is determined exactly when the unit vector
 * e_q lies in the row space of the equations restricted to the withheld quantities, which in
 * reduced row echelon form means q has a pivot row with no other entry. Returns those
 * quantities (cells first, then margins, as in DisclosureTable).
 */
export function recoverableValues(table: DisclosureTable): number[] {
  const quantities = table.cells.length + table.margins.length;
  const unknown: number[] = [];
  for (let q = 0; q < quantities; q++) if (isSuppressed(table, q)) unknown.push(q);
  if (unknown.length === 0) return [];
  const column = new Map(unknown.map((q, i) => [q, i]));
  const rows: number[][] = [];
  table.margins.forEach((margin, j) => {
    const row = new Array<number>(unknown.length).fill(0);
    let any = false;
    const self = column.get(table.cells.length + j);
    if (self !== undefined) {
      row[self] = 1;
      any = true;
    }
    for (const member of margin.members) {
      const c = column.get(member);
      if (c !== undefined) {
        row[c]! -= 1;
        any = true;
      }
    }
    if (any) rows.push(row);
  });
  const pivots = reduce(rows, unknown.length);
  const determined: number[] = [];
  for (const [col, r] of pivots) {
    const row = rows[r]!;
    if (row.every((value, c) => c === col || Math.abs(value) < EPSILON))
      determined.push(unknown[col]!);
  }
  return determined.sort((a, b) => a - b);
}

/** Gauss-Jordan elimination in place; returns pivot column -> row. */
function reduce(rows: number[][], columns: number): Map<number, number> {
  const pivots = new Map<number, number>();
  let r = 0;
  for (let c = 0; c < columns && r < rows.length; c++) {
    let best = -1;
    for (let i = r; i < rows.length; i++) {
      if (
        Math.abs(rows[i]![c]!) > EPSILON &&
        (best < 0 || Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!))
      )
        best = i;
    }
    if (best < 0) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivot = rows[r]!;
    const scale = pivot[c]!;
    for (let k = 0; k < columns; k++) pivot[k]! /= scale;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const factor = rows[i]![c]!;
      if (Math.abs(factor) < EPSILON) continue;
      const row = rows[i]!;
      for (let k = 0; k < columns; k++) row[k]! -= factor * pivot[k]!;
    }
    pivots.set(c, r);
    r++;
  }
  return pivots;
}
