import { randomBytes } from 'node:crypto';
import { badUserInput } from '../errors/clientErrors';
import {
  enclosingPopulations,
  type NumericVariable,
  type StatisticalDimension,
  type StatisticalPopulation,
  type StatisticsAgency,
  statisticalVariable,
} from './statisticalVariables';

export type StatisticalMeasure = 'COUNT' | 'SUM' | 'MEAN';

/** What an analyst asks for, by the registry's names only: there are no free filters. */
export interface StatisticsSpec {
  population: string;
  measure: StatisticalMeasure;
  /** The numeric variable summed or averaged; null for a count. */
  of: string | null;
  by: string[];
  /** Laplace noise at this epsilon, debited from the privacy budget; null for none. */
  epsilon: number | null;
}

/** A validated spec with its variables looked up. */
export interface ResolvedSpec {
  spec: StatisticsSpec;
  population: StatisticalPopulation;
  /** The population and every population it lies within, nearest first. */
  populations: StatisticalPopulation[];
  dimensions: StatisticalDimension[];
  numeric: NumericVariable | null;
  /** Every agency holding a variable of the spec. */
  agencies: Set<StatisticsAgency>;
}

export const MAX_DIMENSIONS = 3;
export const MAX_EPSILON = 10;

/** Checks a spec against the registry; a bad spec is BAD_USER_INPUT, naming what is wrong. */
export function resolveSpec(spec: StatisticsSpec): ResolvedSpec {
  const population = statisticalVariable(spec.population);
  if (population?.kind !== 'population')
    throw badUserInput(`${spec.population} is not a statistical population`, 'population');
  if (spec.by.length > MAX_DIMENSIONS)
    throw badUserInput(`a table has at most ${MAX_DIMENSIONS} dimensions`, 'by');
  if (new Set(spec.by).size !== spec.by.length)
    throw badUserInput('a dimension may be named only once', 'by');
  const dimensions = spec.by.map((name) => {
    const dimension = statisticalVariable(name);
    if (dimension?.kind !== 'dimension') throw badUserInput(`${name} is not a dimension`, 'by');
    return dimension;
  });
  let numeric: NumericVariable | null = null;
  if (spec.measure === 'COUNT') {
    if (spec.of !== null) throw badUserInput('a count takes no numeric variable (of)', 'of');
  } else {
    const variable = spec.of === null ? undefined : statisticalVariable(spec.of);
    if (variable?.kind !== 'measure')
      throw badUserInput(`${spec.measure} needs a numeric variable (of)`, 'of');
    numeric = variable;
  }
  if (spec.epsilon !== null && !(spec.epsilon > 0 && spec.epsilon <= MAX_EPSILON))
    throw badUserInput(`epsilon must be more than 0 and at most ${MAX_EPSILON}`, 'noise');
  const populations = [population, ...enclosingPopulations(population)];
  const agencies = new Set<StatisticsAgency>([
    ...populations.map((p) => p.agency),
    ...dimensions.map((d) => d.agency),
    ...(numeric ? [numeric.agency] : []),
  ]);
  return { spec, population, populations, dimensions, numeric, agencies };
}

/** One agency holds every variable: it computes the cells itself and no unit leaves it. */
export function isSingleAgency(resolved: ResolvedSpec): boolean {
  return resolved.agencies.size === 1;
}

/**
 * The key of a `StatisticalTable`: the spec and a random nonce, from which every agency derives
 * the same per-query pseudonym key (pseudonymKey.ts). Opaque to clients, who never see it.
 */
export interface StatisticsJob {
  spec: StatisticsSpec;
  nonce: string;
}

export function mintJob(spec: StatisticsSpec): string {
  const job: StatisticsJob = { spec, nonce: randomBytes(16).toString('base64url') };
  return Buffer.from(JSON.stringify(job)).toString('base64url');
}

/** Reads a job back; anything malformed is refused before a statement runs. */
export function readJob(encoded: string): StatisticsJob & { resolved: ResolvedSpec } {
  let job: StatisticsJob;
  try {
    job = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as StatisticsJob;
  } catch {
    throw badUserInput('malformed statistics job');
  }
  const { spec, nonce } = job ?? {};
  if (
    typeof nonce !== 'string' ||
    nonce.length < 16 ||
    typeof spec !== 'object' ||
    spec === null ||
    typeof spec.population !== 'string' ||
    !['COUNT', 'SUM', 'MEAN'].includes(spec.measure) ||
    !(spec.of === null || typeof spec.of === 'string') ||
    !Array.isArray(spec.by) ||
    !spec.by.every((name) => typeof name === 'string') ||
    !(spec.epsilon === null || typeof spec.epsilon === 'number')
  )
    throw badUserInput('malformed statistics job');
  return { spec, nonce, resolved: resolveSpec(spec) };
}
