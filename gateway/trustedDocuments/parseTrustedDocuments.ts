import { Kind, parse } from 'graphql';
import { z } from 'zod';
import { documentHash, isDocumentHash } from './documentHash';
import { isClientName } from './trustedDocumentClients';

/** The documents registered for each client, by hash; the parsed trusted documents manifest. */
export type TrustedDocuments = ReadonlyMap<string, ReadonlyMap<string, string>>;

const manifestSchema = z
  .object({
    $comment: z.string().optional(),
    clients: z.record(
      z.string(),
      z.record(z.string(), z.string({ error: 'must be the text of a GraphQL document' })),
    ),
  })
  .strict();

/**
 * Checks a trusted documents manifest, `{"clients": {"<client>": {"<sha256>": "<document>"}}}`,
 * and throws naming every problem: a hash that is not the SHA-256 of its document's text, a
 * document that does not parse or holds no operation, a client name that names nobody.
 */
export function parseTrustedDocuments(json: unknown): TrustedDocuments {
  const parsed = manifestSchema.safeParse(json);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(manifest)'}: ${issue.message}`,
      );
  // Documents are checked even when the shape is wrong elsewhere, so every problem is named.
  for (const [client, documents] of entries((json as { clients?: unknown } | null)?.clients)) {
    // Keys are checked here: zod 4 reports a refused record key without the refinement's message.
    if (!isClientName(client))
      problems.push(`clients.${client}: must be an organisation code or <organisation>/<subject>`);
    for (const [hash, document] of entries(documents)) {
      if (!isDocumentHash(hash)) {
        problems.push(`clients.${client}.${hash}: must be a SHA-256 hash in lowercase hex`);
        continue;
      }
      if (typeof document !== 'string') continue;
      const problem = documentProblem(hash, document);
      if (problem) problems.push(`clients.${client}.${hash}: ${problem}`);
    }
  }
  if (!parsed.success || problems.length > 0) throw new Error(problems.join('; '));
  return new Map(
    Object.entries(parsed.data.clients).map(([client, documents]) => [
      client,
      new Map(Object.entries(documents)),
    ]),
  );
}

const entries = (value: unknown): [string, unknown][] =>
  typeof value === 'object' && value !== null ? Object.entries(value) : [];

function documentProblem(hash: string, document: string): string | undefined {
  const actual = documentHash(document);
  if (actual !== hash) return `the document's SHA-256 is ${actual}, not its key`;
  try {
    const operations = parse(document).definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (operations.length === 0) return 'the document holds no operation';
  } catch (error) {
    return `the document does not parse: ${(error as Error).message}`;
  }
  return undefined;
}
