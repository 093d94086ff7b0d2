import { registerEnumType } from 'type-graphql';
import {
  DIMENSIONS,
  MEASURES,
  POPULATIONS,
  type StatisticalVariable,
} from '../../../platform/statistics/statisticalVariables';

function enumOf(variables: readonly StatisticalVariable[]): Record<string, string> {
  return Object.fromEntries(variables.map((variable) => [variable.name, variable.name]));
}

function describe(variables: readonly StatisticalVariable[]) {
  return Object.fromEntries(
    variables.map((variable) => [
      variable.name,
      { description: `${variable.description} Held by the ${variable.agency} agency.` },
    ]),
  );
}

/** The populations a table can count: defined by their agencies, never by a free filter. */
export const StatisticalPopulationEnum = enumOf(POPULATIONS);
/** The dimensions a table can be grouped by, in published categories. */
export const DimensionEnum = enumOf(DIMENSIONS);
/** The numeric variables a table can sum or average. */
export const NumericVariableEnum = enumOf(MEASURES);

export enum Measure {
  COUNT = 'COUNT',
  SUM = 'SUM',
  MEAN = 'MEAN',
}

export enum SuppressionReason {
  SMALL_CELL = 'SMALL_CELL',
  DOMINANCE = 'DOMINANCE',
  DIFFERENCING = 'DIFFERENCING',
  COMPLEMENTARY = 'COMPLEMENTARY',
}

registerEnumType(StatisticalPopulationEnum, {
  name: 'StatisticalPopulation',
  description:
    'The units a statistical table counts: people, each defined by the agency holding them.',
  valuesConfig: describe(POPULATIONS),
});
registerEnumType(DimensionEnum, {
  name: 'Dimension',
  description:
    'A grouping of a statistical table; a unit the agency has no value for falls in NONE.',
  valuesConfig: describe(DIMENSIONS),
});
registerEnumType(NumericVariableEnum, {
  name: 'NumericVariable',
  description:
    'A numeric variable a table sums or averages; each person contributes at most its bound.',
  valuesConfig: Object.fromEntries(
    MEASURES.map((m) => [
      m.name,
      {
        description: `${m.description} In ${m.unit}; each contribution clamped to 0-${m.bound}. Held by the ${m.agency} agency.`,
      },
    ]),
  ),
});
registerEnumType(Measure, {
  name: 'Measure',
  description: 'What a statistical table gives per cell.',
  valuesConfig: {
    COUNT: { description: 'The number of units.' },
    SUM: { description: 'The sum of a numeric variable over the units that have it.' },
    MEAN: { description: 'The mean of a numeric variable over the units that have it.' },
  },
});
registerEnumType(SuppressionReason, {
  name: 'SuppressionReason',
  description: 'Why a value of a statistical table is withheld.',
  valuesConfig: {
    SMALL_CELL: { description: 'Fewer units than the minimum cell size (primary suppression).' },
    DOMINANCE: {
      description: 'One unit contributes more than 85% of the sum (primary suppression).',
    },
    DIFFERENCING: {
      description:
        'The same group of an enclosing population differs from it by fewer units than the minimum cell size, so the difference of the two tables would single people out (primary suppression).',
    },
    COMPLEMENTARY: {
      description:
        'Withheld so that another withheld value cannot be worked out from the totals (secondary suppression).',
    },
  },
});
