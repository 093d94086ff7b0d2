import { type GraphQLSchema, isObjectType } from 'graphql';
import { type AgencyFieldPolicy, fieldRule } from './fieldPolicy';

/** Fields federation adds to every subgraph; they carry no data of their own. */
const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service', '_Service.sdl']);

export function isFederationField(type: string, field: string): boolean {
  return FEDERATION_FIELDS.has(`${type}.${field}`);
}

/** Every field a subgraph serves, as `[type, field]`, without introspection and federation's own. */
export function servedFields(schema: GraphQLSchema): [string, string][] {
  const fields: [string, string][] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.keys(type.getFields())) {
      if (!isFederationField(type.name, field)) fields.push([type.name, field]);
    }
  }
  return fields;
}

/** Raised when a subgraph serves a field its policy does not classify: it must not start. */
export class UnclassifiedFieldsError extends Error {
  override readonly name = 'UnclassifiedFieldsError';
}

/**
 * Deny by default, enforced at build time: fails, naming every field, when the schema has a
 * field without a classification or the policy classifies a field the schema does not have.
 */
export function assertEveryFieldClassified(schema: GraphQLSchema, policy: AgencyFieldPolicy): void {
  const served = servedFields(schema);
  const missing = served
    .filter(([type, field]) => !fieldRule(policy, type, field))
    .map(([t, f]) => `${t}.${f}`);
  const servedNames = new Set(served.map(([t, f]) => `${t}.${f}`));
  const unknown = Object.entries(policy.types).flatMap(([type, { fields }]) =>
    Object.keys(fields)
      .map((field) => `${type}.${field}`)
      .filter((name) => !servedNames.has(name)),
  );
  // A masked form of a name or an identifier would still single the person out.
  const maskedIdentifiers = served
    .filter(([type, field]) => {
      const rule = fieldRule(policy, type, field);
      return rule?.identifying && rule.mask !== undefined;
    })
    .map(([t, f]) => `${t}.${f}`);
  if (missing.length === 0 && unknown.length === 0 && maskedIdentifiers.length === 0) return;
  const lines = [
    ...missing.map(
      (name) =>
        `  - ${name} has no classification (public, internal, personal or special-category)`,
    ),
    ...unknown.map((name) => `  - ${name} is classified but the subgraph does not serve it`),
    ...maskedIdentifiers.map(
      (name) => `  - ${name} identifies its subject, so it cannot have a masked form`,
    ),
  ];
  throw new UnclassifiedFieldsError(
    `the ${policy.agency} subgraph's field policy is incomplete:\n${lines.join('\n')}`,
  );
}
