import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { buildASTSchema, parse, print, validate } from 'graphql';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentHash } from '../gateway/trustedDocuments/documentHash';
import { isClientName } from '../gateway/trustedDocuments/trustedDocumentClients';

/** Says what the manifest is and how it is made, in its `$comment`. */
export const MANIFEST_COMMENT =
  'Trusted documents by client (TRUSTED_DOCUMENTS_FILE): the SHA-256 of each document is its documentId. Generated from schema/trusted-documents/<organisation>[/<subject>]/*.graphql by `npm run trusted-documents`; do not edit.';

/** One registered document: whose, from which file, and its id. */
export interface RegisteredDocument {
  client: string;
  file: string;
  documentId: string;
  document: string;
}

/**
 * Reads every client's `.graphql` files under `directory` (`<organisation>/*.graphql` for the
 * organisation, `<organisation>/<subject>/*.graphql` for one client of it), prints each in
 * canonical form (so comments and layout do not change its id) and validates it against the
 * supergraph's public schema. Throws naming every file that does not parse or validate.
 */
export async function readTrustedDocuments(
  directory: string,
  supergraphSdl: string,
): Promise<RegisteredDocument[]> {
  const schema = buildASTSchema(transformSupergraphToPublicSchema(parse(supergraphSdl)));
  const documents: RegisteredDocument[] = [];
  const problems: string[] = [];
  for (const file of (await readdir(directory, { recursive: true })).sort()) {
    if (!file.endsWith('.graphql')) continue;
    const client = path.dirname(file).split(path.sep).join('/');
    if (!isClientName(client)) {
      problems.push(`${file}: ${client} is not an organisation code or <organisation>/<subject>`);
      continue;
    }
    try {
      const parsed = parse(await readFile(path.join(directory, file), 'utf8'));
      const errors = validate(schema, parsed);
      if (errors.length > 0) throw new Error(errors.map((error) => error.message).join('; '));
      const document = print(parsed);
      documents.push({ client, file, documentId: documentHash(document), document });
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return documents;
}

/** The manifest the gateway reads, as JSON text with a stable order. */
export function trustedDocumentsManifest(documents: readonly RegisteredDocument[]): string {
  const clients: Record<string, Record<string, string>> = {};
  for (const { client, documentId, document } of documents)
    (clients[client] ??= {})[documentId] = document;
  return `${JSON.stringify({ $comment: MANIFEST_COMMENT, clients }, null, 2)}\n`;
}
