import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type DocumentNode, type GraphQLSchema, Kind, parse } from 'graphql';
import { badUserInput } from '../errors/clientErrors';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';

/** The Federation 2 version and directives every govgraph subgraph links. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@inaccessible", "@tag"])';

/**
 * `__resolveReference` functions keyed by entity type name. Each takes its own representation
 * and context types; `never` parameters let any such function be listed here.
 */
export type ReferenceResolvers = Record<string, (reference: never, context: never) => unknown>;

export interface FederatedSchemaOptions {
  // type-graphql identifies resolvers and types by their classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
}

/**
 * Turns type-graphql resolver classes into a Federation 2 subgraph schema: the classes are
 * printed as SDL with their directives, the federation link is prepended, and
 * `@apollo/subgraph` adds `_service`, `_entities` and the reference resolvers.
 */
export async function buildFederatedSchema(
  options: FederatedSchemaOptions,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  const keys = keyFieldsOf(typeDefs);
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    const resolve = resolveReference as (reference: unknown, context: unknown) => unknown;
    const keyFields = keys.get(typeName) ?? [];
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      // Federation calls it with the representation and the request's context.
      __resolveReference: (reference: unknown, context: unknown) => {
        assertKeyFields(typeName, keyFields, reference);
        return resolve(reference, context);
      },
    };
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}

/** The fields of each entity's `@key` (every govgraph key is one or more plain fields). */
function keyFieldsOf(typeDefs: DocumentNode): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((argument) => argument.name.value === 'fields');
      if (fields?.value.kind !== Kind.STRING) continue;
      keys.set(definition.name.value, fields.value.value.split(/\s+/).filter(Boolean));
    }
  }
  return keys;
}

/**
 * A representation without its key is refused with a clear error before the entity's own
 * resolver runs (which would otherwise look up `undefined` and fail as an internal error).
 */
function assertKeyFields(typeName: string, keyFields: readonly string[], reference: unknown): void {
  for (const field of keyFields) {
    const value = (reference as Record<string, unknown> | null)?.[field];
    if ((typeof value !== 'string' || value.length === 0) && typeof value !== 'number')
      throw badUserInput(`A ${typeName} representation needs its key field "${field}"`);
  }
}
