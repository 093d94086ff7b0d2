import type { StatisticsAgency } from './statisticalVariables';

/**
 * How an agency computes its statistical variables over its own schema: one SQL relation with a
 * row per person its variables know (`national_id`), a boolean column per population it owns
 * and a column per dimension (text) and numeric variable (float8) it owns, each named
 * `columnOf(variable)`. It takes no parameters and reads only the agency's own schema.
 */
export interface StatisticsSource {
  agency: StatisticsAgency;
  relationSql: string;
}

/** The column of a variable in its agency's relation: `AGE_BAND` -> `age_band`. */
export function columnOf(variableName: string): string {
  if (!/^[A-Z][A-Z_]*$/.test(variableName)) throw new Error(`bad variable name ${variableName}`);
  return variableName.toLowerCase();
}
