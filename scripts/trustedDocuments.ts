import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runMain } from '../platform/config/runMain';
import { repoRoot } from '../platform/repoRoot';
import { readTrustedDocuments, trustedDocumentsManifest } from './trustedDocumentsManifest';

/**
 * `npm run trusted-documents`: writes schema/trusted-documents.json from the `.graphql` files
 * under schema/trusted-documents/, and prints each document's id for its client to send.
 */
runMain(async () => {
  const SCHEMA_DIR = path.join(repoRoot(), 'schema');
  const supergraph = await readFile(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
  const documents = await readTrustedDocuments(
    path.join(SCHEMA_DIR, 'trusted-documents'),
    supergraph,
  );
  await writeFile(
    path.join(SCHEMA_DIR, 'trusted-documents.json'),
    trustedDocumentsManifest(documents),
  );
  for (const { client, file, documentId } of documents)
    process.stdout.write(`${client.padEnd(24)} ${documentId}  ${path.basename(file)}\n`);
  process.stderr.write(
    `${documents.length} trusted documents written to schema/trusted-documents.json\n`,
  );
});
