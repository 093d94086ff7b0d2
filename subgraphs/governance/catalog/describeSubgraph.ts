import { type GraphQLSchema, isObjectType } from 'graphql';
import { AGENCIES, type AgencyName } from '../../../platform/agencies';
import {
  assertEveryFieldClassified,
  servedFields,
} from '../../../platform/policy/classifiedFields';
import { type AgencyFieldPolicy, fieldRule } from '../../../platform/policy/fieldPolicy';
import { keep, type Mask, yearOnly } from '../../../platform/policy/masks';
import {
  STATISTICS_AGENCIES,
  STATISTICS_TYPE,
  type StatisticsAgency,
  variablesOf,
} from '../../../platform/statistics/statisticalVariables';
import type { CatalogAgency, CatalogType } from './catalogFile';

const MASKED_FORMS = new Map<Mask, string>([
  [keep, 'the value itself, which is coarse already'],
  [yearOnly, 'the year only'],
]);

/**
 * One agency's part of the data catalog: every field its subgraph serves, with the description
 * from its SDL and the rule from its field policy. Hidden join keys are left out; a field
 * without a classification stops the build, as it stops the subgraph.
 */
export function describeSubgraph(
  agency: AgencyName,
  schema: GraphQLSchema,
  policy: AgencyFieldPolicy,
): CatalogAgency {
  assertEveryFieldClassified(schema, policy);
  const types = new Map<string, CatalogType>();
  for (const [typeName, fieldName] of servedFields(schema)) {
    const rule = fieldRule(policy, typeName, fieldName)!;
    if (rule.joinKey) continue;
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    let entry = types.get(typeName);
    if (!entry) {
      entry = { type: typeName, description: type.description ?? null, fields: [] };
      types.set(typeName, entry);
    }
    const field = type.getFields()[fieldName]!;
    entry.fields.push({
      field: fieldName,
      returns: String(field.type),
      description: field.description ?? null,
      classification: rule.classification,
      maskedForm: rule.mask ? (MASKED_FORMS.get(rule.mask) ?? 'a masked form') : null,
      reservedTo: rule.audience ?? null,
    });
  }
  const statistics = statisticsType(agency);
  if (statistics) types.set(statistics.type, statistics);
  return {
    agency,
    title: AGENCIES[agency].title,
    // Code-point order, the same on every machine.
    types: [...types.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
  };
}

const VARIABLE_KINDS = {
  population: 'StatisticalPopulation',
  dimension: 'Dimension',
  measure: 'NumericVariable',
} as const;

/**
 * The agency's statistical variables, as agreements name them (`Statistics.municipality`):
 * released only as disclosure-controlled tables, through `statistics`.
 */
function statisticsType(agency: AgencyName): CatalogType | undefined {
  if (!STATISTICS_AGENCIES.includes(agency as StatisticsAgency)) return undefined;
  return {
    type: STATISTICS_TYPE,
    description:
      "The agency's statistical variables: released only as counts, sums and means of groups, with disclosure control, through `statistics`.",
    fields: variablesOf(agency as StatisticsAgency).map((variable) => ({
      field: variable.grant,
      returns: `${VARIABLE_KINDS[variable.kind]}.${variable.name}`,
      description: variable.description,
      classification: 'aggregate',
      maskedForm: null,
      reservedTo: null,
    })),
  };
}
