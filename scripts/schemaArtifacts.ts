import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import knex from 'knex';
import { AGENCIES, AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import type { Db } from '../platform/db/createDb';
import { composeSupergraph, type SubgraphSdl } from '../platform/federation/composeSupergraph';
import type { AgencyFieldPolicy } from '../platform/policy/fieldPolicy';
import { repoRoot } from '../platform/repoRoot';
import type {
  AgencySubgraph,
  AgencySubgraphFactory,
} from '../platform/subgraph/SubgraphDefinition';
import {
  type CatalogAgency,
  CATALOG_FILE_COMMENT,
} from '../subgraphs/governance/catalog/catalogFile';
import { DataCatalog } from '../subgraphs/governance/catalog/DataCatalog';
import { describeSubgraph } from '../subgraphs/governance/catalog/describeSubgraph';
import { createGovernanceSubgraph } from '../subgraphs/governance/index';
import { SUBGRAPH_POLICIES } from '../subgraphs/policies';
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
  /** The contents of schema/catalog.json: every served field with its description and rule. */
  catalog: string;
}

/**
 * Builds every agency's subgraph SDL, composes the supergraph and describes every field for
 * the data catalog, without touching a database.
 */
export async function buildSchemaArtifacts(): Promise<SchemaArtifacts> {
  // Schemas are built without a connection: nothing queries while printing SDL.
  const offline = knex({ client: 'pg' });
  const subgraphs: SubgraphSdl[] = [];
  const agencies: CatalogAgency[] = [];
  for (const name of AGENCY_NAMES) {
    const subgraph = await factoryOf(name)(offline);
    subgraphs.push({
      name,
      url: defaultSubgraphUrl(AGENCIES[name].defaultPort),
      sdl: `${printSubgraphSchema(subgraph.schema).trim()}\n`,
    });
    agencies.push(describeSubgraph(name, subgraph.schema, fieldPolicyOf(name, subgraph)));
  }
  await offline.destroy();
  return {
    subgraphs,
    supergraph: composeSupergraph(subgraphs),
    catalog: `${JSON.stringify({ $comment: CATALOG_FILE_COMMENT, agencies }, null, 2)}\n`,
  };
}

// The catalog is an output of this build, so the governance service is built without reading it.
function factoryOf(name: AgencyName): AgencySubgraphFactory {
  return name === 'governance'
    ? (db: Db) =>
        createGovernanceSubgraph(db, {
          catalog: new DataCatalog({ $comment: CATALOG_FILE_COMMENT, agencies: [] }),
        })
    : SUBGRAPH_FACTORIES[name];
}

function fieldPolicyOf(name: AgencyName, subgraph: AgencySubgraph): AgencyFieldPolicy {
  const own = (subgraph as { fieldPolicy?: AgencyFieldPolicy }).fieldPolicy;
  if (own) return own;
  if (name === 'governance') throw new Error('the governance subgraph returned no field policy');
  return SUBGRAPH_POLICIES[name];
}
