import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildASTSchema, type GraphQLSchema, parse } from 'graphql';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { changeId, type ChangeCriticality, type SchemaChange } from './schemaChange';

/**
 * The client-facing schema of a supergraph: what a client of the gateway can query, without
 * federation's join types and directives or anything @inaccessible.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildASTSchema(transformSupergraphToPublicSchema(parse(supergraphSdl)), {
    assumeValidSDL: true,
  });
}

/** Every difference between two supergraphs' client-facing schemas, as graphql-inspector rates it. */
export async function apiSchemaChanges(
  baseSupergraph: string,
  currentSupergraph: string,
): Promise<SchemaChange[]> {
  const changes = await diff(apiSchemaOf(baseSupergraph), apiSchemaOf(currentSupergraph));
  return changes.map(toSchemaChange);
}

function toSchemaChange(change: Change): SchemaChange {
  const path = change.path ?? '(schema)';
  return {
    id: changeId(change.type as string, path),
    area: 'api',
    type: change.type as string,
    path,
    criticality: CRITICALITY[change.criticality.level],
    message: change.message,
  };
}

const CRITICALITY: Record<CriticalityLevel, ChangeCriticality> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'NON_BREAKING',
};
