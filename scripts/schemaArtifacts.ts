import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import knex from 'knex';
import { AGENCIES, AGENCY_NAMES } from '../platform/agencies';
import { composeSupergraph, type SubgraphSdl } from '../platform/federation/composeSupergraph';
import { repoRoot } from '../platform/repoRoot';
import { SUBGRAPH_FACTORIES } from '../subgraphs/registry';

/** The checked-in schema folder (same relative place from the sources and from `dist/`). */
export const SCHEMA_DIR = path.join(repoRoot(), 'schema');

/** The URL each subgraph has in the checked-in supergraph; deployments override it at the gateway. */
export function defaultSubgraphUrl(port: number): string {
  return `http://localhost:${port}/graphql`;
}

export interface SchemaArtifacts {
  subgraphs: SubgraphSdl[];
  supergraph: string;
}

/** Builds every agency's subgraph SDL and composes the supergraph, without touching a database. */
export async function buildSchemaArtifacts(): Promise<SchemaArtifacts> {
  // Schemas are built without a connection: nothing queries while printing SDL.
  const offline = knex({ client: 'pg' });
  const subgraphs: SubgraphSdl[] = [];
  for (const name of AGENCY_NAMES) {
    const subgraph = await SUBGRAPH_FACTORIES[name](offline);
    subgraphs.push({
      name,
      url: defaultSubgraphUrl(AGENCIES[name].defaultPort),
      sdl: `${printSubgraphSchema(subgraph.schema).trim()}\n`,
    });
  }
  await offline.destroy();
  return { subgraphs, supergraph: composeSupergraph(subgraphs) };
}
