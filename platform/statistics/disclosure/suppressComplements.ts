import { type DisclosureTable, isSuppressed } from './DisclosureTable';
import { recoverableValues } from './recoverableValues';

/**
 * Secondary suppression: withholds further values until no withheld value can be worked out
 * from the released ones. First every total's equation that holds exactly one withheld value
 * gets a second, the smallest non-empty cell of it (else the smallest cell, else the total
 * itself); then the equations are solved (recoverableValues) and, while a withheld value is
 * still determined, the smallest released value of an equation it appears in is withheld too.
 * Each step withholds one more value, and a table whose totals are all withheld gives nothing
 * away, so it ends.
 */
export function suppressComplements(table: DisclosureTable): void {
  for (;;) {
    if (applyPairRule(table)) continue;
    const determined = recoverableValues(table);
    if (determined.length === 0) return;
    widenAround(table, determined[0]!);
  }
}

/** One pass of "no equation with exactly one withheld value"; whether it withheld anything. */
function applyPairRule(table: DisclosureTable): boolean {
  let changed = false;
  table.margins.forEach((margin, j) => {
    const self = table.cells.length + j;
    const withheld = [self, ...margin.members].filter((q) => isSuppressed(table, q)).length;
    if (withheld !== 1) return;
    withhold(table, smallestReleased(table, margin.members) ?? self);
    changed = true;
  });
  return changed;
}

function widenAround(table: DisclosureTable, q: number): void {
  const equations = table.margins
    .map((margin, j) => ({ margin, self: table.cells.length + j }))
    .filter(({ margin, self }) => self === q || margin.members.includes(q));
  for (const { margin } of equations) {
    const cell = smallestReleased(table, margin.members);
    if (cell !== undefined) return withhold(table, cell);
  }
  for (const { self } of equations) {
    if (!isSuppressed(table, self)) return withhold(table, self);
  }
  // Every value of its equations is withheld: withhold the remaining totals, which frees it.
  table.margins.forEach((margin) => {
    margin.suppressed ??= 'COMPLEMENTARY';
  });
}

/** The released cell with the fewest units, preferring non-empty ones. */
function smallestReleased(table: DisclosureTable, members: readonly number[]): number | undefined {
  let best: number | undefined;
  const rank = (i: number) => {
    const n = table.cells[i]!.n;
    return n === 0 ? Number.MAX_SAFE_INTEGER : n;
  };
  for (const i of members) {
    if (table.cells[i]!.suppressed !== null) continue;
    if (best === undefined || rank(i) < rank(best)) best = i;
  }
  return best;
}

function withhold(table: DisclosureTable, q: number): void {
  if (q < table.cells.length) table.cells[q]!.suppressed = 'COMPLEMENTARY';
  else table.margins[q - table.cells.length]!.suppressed = 'COMPLEMENTARY';
}
