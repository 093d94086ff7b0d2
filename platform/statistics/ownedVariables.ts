import type { OwnedVariables } from './StatisticsRepository';
import type { ResolvedSpec } from './StatisticsSpec';
import type { StatisticalVariable, StatisticsAgency } from './statisticalVariables';

/** The variables of a spec an agency holds, as its repository computes them. */
export function ownedVariables(resolved: ResolvedSpec, agency: StatisticsAgency): OwnedVariables {
  const { populations, dimensions, numeric } = resolved;
  return {
    populations: populations.filter((p) => p.agency === agency).map((p) => p.name),
    dimensions: dimensions.filter((d) => d.agency === agency).map((d) => d.name),
    numeric: numeric?.agency === agency ? { name: numeric.name, bound: numeric.bound } : null,
  };
}

/** The same, as registry entries (for their grants). */
export function ownedVariableList(
  resolved: ResolvedSpec,
  agency: StatisticsAgency,
): StatisticalVariable[] {
  const { populations, dimensions, numeric } = resolved;
  return [...populations, ...dimensions, ...(numeric ? [numeric] : [])].filter(
    (variable) => variable.agency === agency,
  );
}
