import type { AgencyName } from '../agencies';

/** The agencies that hold statistical variables: every one but governance (and health, which holds none yet). */
export type StatisticsAgency = Exclude<AgencyName, 'governance' | 'health'>;

export const STATISTICS_AGENCIES: readonly StatisticsAgency[] = [
  'population',
  'tax',
  'social',
  'transport',
  'business',
];

/** The category of a unit that has no value in a dimension (not in that agency's register). */
export const NO_VALUE = 'NONE';

interface VariableBase {
  /** The enum value clients use, e.g. `MUNICIPALITY`. */
  name: string;
  /** The agency that owns the variable and computes it over its own data. */
  agency: StatisticsAgency;
  /** What agreements name to grant it: `Statistics.<grant>`, classification `aggregate`. */
  grant: string;
  description: string;
}

/** The units counted: every unit is a person, named once (no free filters: populations are defined here). */
export interface StatisticalPopulation extends VariableBase {
  kind: 'population';
  /** The population this one is part of: a cell is checked against the same cell of it (differencing). */
  within: string | null;
}

/** A category every unit has at most one of; units without one fall in `NONE`. */
export interface StatisticalDimension extends VariableBase {
  kind: 'dimension';
  /** The published categories, in order, or null when they are the values found (birth years). */
  categories: readonly string[] | null;
}

/** A numeric value per unit, summed or averaged. */
export interface NumericVariable extends VariableBase {
  kind: 'measure';
  /** Each unit's contribution is clamped to [0, bound]: the sensitivity of a sum is the bound. */
  bound: number;
  unit: string;
}

export type StatisticalVariable = StatisticalPopulation | StatisticalDimension | NumericVariable;

const AGE_BANDS = ['0-17', '18-29', '30-44', '45-64', '65+'] as const;
const INCOME_BANDS = [
  ...Array.from({ length: 10 }, (_, i) => `${i * 10_000}-${i * 10_000 + 9_999}`),
  '100000+',
];

export const POPULATIONS: readonly StatisticalPopulation[] = [
  {
    kind: 'population',
    name: 'PEOPLE',
    agency: 'population',
    grant: 'people',
    within: null,
    description: 'Living people in the population register.',
  },
  {
    kind: 'population',
    name: 'TAXPAYERS',
    agency: 'tax',
    grant: 'taxpayers',
    within: 'PEOPLE',
    description: 'People with an income assessment for the latest assessed year.',
  },
  {
    kind: 'population',
    name: 'BENEFIT_RECIPIENTS',
    agency: 'social',
    grant: 'benefitRecipients',
    within: 'PEOPLE',
    description: 'People with an approved benefit claim in force today.',
  },
  {
    kind: 'population',
    name: 'CHILD_ALLOWANCE_RECIPIENTS',
    agency: 'social',
    grant: 'childAllowanceRecipients',
    within: 'BENEFIT_RECIPIENTS',
    description: 'People with an approved child allowance claim in force today.',
  },
  {
    kind: 'population',
    name: 'VEHICLE_OWNERS',
    agency: 'transport',
    grant: 'vehicleOwners',
    within: 'PEOPLE',
    description: 'People who own at least one registered vehicle.',
  },
  {
    kind: 'population',
    name: 'BOARD_MEMBERS',
    agency: 'business',
    grant: 'boardMembers',
    within: 'PEOPLE',
    description: 'People who sit on the board of at least one registered company.',
  },
];

export const DIMENSIONS: readonly StatisticalDimension[] = [
  {
    kind: 'dimension',
    name: 'MUNICIPALITY',
    agency: 'population',
    grant: 'municipality',
    categories: null,
    description: "The municipality of the person's registered address.",
  },
  {
    kind: 'dimension',
    name: 'AGE_BAND',
    agency: 'population',
    grant: 'ageBand',
    categories: AGE_BANDS,
    description:
      'The age the person reaches this calendar year, in bands (0-17, 18-29, 30-44, 45-64, 65+): a grouping of birth years.',
  },
  {
    kind: 'dimension',
    name: 'SEX',
    agency: 'population',
    grant: 'sex',
    categories: ['F', 'M'],
    description: 'Sex as registered (F or M).',
  },
  {
    kind: 'dimension',
    name: 'BIRTH_YEAR',
    agency: 'population',
    grant: 'birthYear',
    categories: null,
    description: 'The year of birth.',
  },
  {
    kind: 'dimension',
    name: 'INCOME_BAND',
    agency: 'tax',
    grant: 'incomeBand',
    categories: INCOME_BANDS,
    description: 'Taxable income of the latest assessed year, in bands of 10,000 euros.',
  },
  {
    kind: 'dimension',
    name: 'BENEFIT_TYPE',
    agency: 'social',
    grant: 'benefitType',
    categories: null,
    description: "The benefit of the person's most recently started approved claim in force.",
  },
  {
    kind: 'dimension',
    name: 'VEHICLE_MAKE',
    agency: 'transport',
    grant: 'vehicleMake',
    categories: null,
    description: "The make of the person's most recently registered vehicle.",
  },
  {
    kind: 'dimension',
    name: 'VEHICLE_FUEL',
    agency: 'transport',
    grant: 'vehicleFuel',
    categories: null,
    description: "The fuel of the person's most recently registered vehicle.",
  },
  {
    kind: 'dimension',
    name: 'COMPANY_STATUS',
    agency: 'business',
    grant: 'companyStatus',
    categories: ['active', 'in-liquidation', 'deleted'],
    description: 'The status of the company whose board the person joined most recently.',
  },
];

export const MEASURES: readonly NumericVariable[] = [
  {
    kind: 'measure',
    name: 'INCOME',
    agency: 'tax',
    grant: 'income',
    bound: 200_000,
    unit: 'euros a year',
    description: 'Taxable income of the latest assessed year.',
  },
  {
    kind: 'measure',
    name: 'TAX_PAID',
    agency: 'tax',
    grant: 'taxPaid',
    bound: 100_000,
    unit: 'euros a year',
    description: 'Tax paid for the latest assessed year.',
  },
  {
    kind: 'measure',
    name: 'BENEFIT_AMOUNT',
    agency: 'social',
    grant: 'benefitAmount',
    bound: 2_000,
    unit: 'euros a month',
    description: 'The monthly amount of every approved benefit claim in force, together.',
  },
  {
    kind: 'measure',
    name: 'VEHICLES_OWNED',
    agency: 'transport',
    grant: 'vehiclesOwned',
    bound: 10,
    unit: 'vehicles',
    description: 'The number of registered vehicles the person owns.',
  },
];

export const STATISTICAL_VARIABLES: readonly StatisticalVariable[] = [
  ...POPULATIONS,
  ...DIMENSIONS,
  ...MEASURES,
];

const BY_NAME = new Map(STATISTICAL_VARIABLES.map((variable) => [variable.name, variable]));

/** The variable of this name; names are unique across populations, dimensions and measures. */
export function statisticalVariable(name: string): StatisticalVariable | undefined {
  return BY_NAME.get(name);
}

/** The type agreements name statistical variables by: `Statistics.municipality`. */
export const STATISTICS_TYPE = 'Statistics';

/** The populations a population lies within, nearest first (differencing is checked against each). */
export function enclosingPopulations(population: StatisticalPopulation): StatisticalPopulation[] {
  const chain: StatisticalPopulation[] = [];
  let within = population.within;
  while (within) {
    const next = BY_NAME.get(within);
    if (next?.kind !== 'population') throw new Error(`${within} is not a population`);
    chain.push(next);
    within = next.within;
  }
  return chain;
}

/** The variables an agency owns. */
export function variablesOf(agency: StatisticsAgency): StatisticalVariable[] {
  return STATISTICAL_VARIABLES.filter((variable) => variable.agency === agency);
}
