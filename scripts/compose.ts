import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runMain } from '../platform/config/runMain';
import { buildSchemaArtifacts, SCHEMA_DIR } from './schemaArtifacts';

/**
 * `npm run compose`: writes every subgraph's SDL, the composed supergraph and the data catalog
 * under schema/.
 */
runMain(async () => {
  const { subgraphs, supergraph, catalog } = await buildSchemaArtifacts();
  await mkdir(path.join(SCHEMA_DIR, 'subgraphs'), { recursive: true });
  for (const { name, sdl } of subgraphs) {
    await writeFile(path.join(SCHEMA_DIR, 'subgraphs', `${name}.graphql`), sdl);
  }
  await writeFile(path.join(SCHEMA_DIR, 'supergraph.graphql'), supergraph);
  await writeFile(path.join(SCHEMA_DIR, 'catalog.json'), catalog);
  process.stderr.write(
    `composed ${subgraphs.length} subgraphs into schema/supergraph.graphql; catalog in schema/catalog.json\n`,
  );
});
