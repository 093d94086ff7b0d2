import { PSEUDONYM_LENGTH } from './pseudonymKey';

/** A dimension's values per unit: the categories found, and each unit's index among them (-1: none). */
export interface PackedCategories {
  codes: string[];
  index: number[];
}

/**
 * What an agency contributes to a cross-agency table: its units under this query's pseudonyms,
 * fixed width in one string, with a flag string ('0'/'1' per unit) for each population of the
 * spec it owns and the values of the variables it owns, in the units' order.
 */
export interface UnitsExtract {
  mode: 'units';
  units: string;
  flags: Record<string, string>;
  categories: Record<string, PackedCategories>;
  numbers: Record<string, (number | null)[]>;
}

/** One cell as its owner computed it: units per population, and for the measure, sum and largest contribution. */
export interface ExtractCell {
  key: string[];
  counts: Record<string, number>;
  sum: number;
  max: number;
  /** Units with a value of the measure. */
  measured: number;
}

/** What the one agency holding every variable returns: cells, never units. */
export interface CellsExtract {
  mode: 'cells';
  cells: ExtractCell[];
}

/** An agency holding nothing the spec asks for. */
export interface EmptyExtract {
  mode: 'none';
}

/** An agency that does not release its part to this caller, and why (the missing grants). */
export interface RefusedExtract {
  mode: 'refused';
  reason: string;
}

export type StatisticsExtract = UnitsExtract | CellsExtract | EmptyExtract | RefusedExtract;

export function unitCount(extract: UnitsExtract): number {
  return extract.units.length / PSEUDONYM_LENGTH;
}

export function unitAt(extract: UnitsExtract, index: number): string {
  return extract.units.slice(index * PSEUDONYM_LENGTH, (index + 1) * PSEUDONYM_LENGTH);
}

export const EMPTY_EXTRACT = JSON.stringify({ mode: 'none' } satisfies EmptyExtract);
