import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
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
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      // Federation calls it with the representation and the request's context.
      __resolveReference: resolveReference as (reference: unknown, context: unknown) => unknown,
    };
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}
