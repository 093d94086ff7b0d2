import type { StatisticsAgency } from './statisticalVariables';

/** The hidden `StatisticalTable` field through which an agency gives its part of a table (`taxExtract`). */
export function extractFieldOf(agency: StatisticsAgency): string {
  return `${agency}Extract`;
}

/** The description every subgraph gives the table entity. */
export const STATISTICAL_TABLE_DESCRIPTION =
  'A statistical table with disclosure control: counts, sums or means of a population, grouped by dimensions, computed by the agencies that hold the data.';
