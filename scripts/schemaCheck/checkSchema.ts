import type { CatalogFile } from '../../subgraphs/governance/catalog/catalogFile';
import type { Acknowledgement } from './acknowledgedChanges';
import { apiSchemaChanges } from './apiSchemaChanges';
import { governanceChanges } from './governanceChanges';
import { type SchemaCheckReport, schemaCheckReport } from './schemaCheckReport';

/** A composed graph: its supergraph SDL and its data catalog. */
export interface ComposedGraph {
  supergraph: string;
  catalog: CatalogFile;
}

/**
 * Compares the current graph with a committed one: the client-facing schema and each
 * field's governance, matched against the acknowledged changes.
 */
export async function checkSchema(
  base: ComposedGraph,
  current: ComposedGraph,
  acknowledgements: readonly Acknowledgement[],
): Promise<SchemaCheckReport> {
  const changes = [
    ...(await apiSchemaChanges(base.supergraph, current.supergraph)),
    ...governanceChanges(base.catalog, current.catalog),
  ];
  return schemaCheckReport(changes, acknowledgements);
}
