import type { AgencyNaming } from './agencyNaming';
import { type FileEdit, insertBefore } from './textEdits';

const FILE = 'deploy/kubernetes/overlays/demo/secrets.yaml';

/**
 * The demo overlay's three Secrets of a new agency: its key for the gateway's tokens and its
 * access-log key (each byte for byte), and its database.
 */
export function demoSecretsEdit(
  n: AgencyNaming,
  privateJwk: string,
  gatewayTokenKey: string,
): FileEdit {
  const indented = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
  const keySecret =
    `# ${n.name}'s key for the gateway's tokens, and no other subgraph's.\n\n` +
    secretHead(`govgraph-gateway-token-${n.name}`) +
    `  key.jwk.json: |\n${indented(gatewayTokenKey)}\n---\n` +
    `# ${n.name}'s key for its access log's signed heads and checkpoints.\n\n` +
    secretHead(`govgraph-access-log-${n.name}`) +
    `  private.jwk.json: |\n${indented(privateJwk)}\n---\n`;
  const databaseSecret =
    `# ${n.name}'s connection to the demo PostgreSQL.\n\n` +
    secretHead(`govgraph-database-${n.name}`) +
    `  url: postgres://govgraph:govgraph@postgres:5432/govgraph\n---\n`;
  return {
    file: FILE,
    apply: (text) =>
      insertBefore(
        FILE,
        insertBefore(FILE, text, '# Seals page cursors', keySecret),
        "# The migration job's connection.",
        databaseSecret,
      ),
  };
}

function secretHead(name: string): string {
  return (
    'apiVersion: v1\nkind: Secret\nmetadata:\n' +
    `  name: ${name}\n  labels:\n    app.kubernetes.io/part-of: govgraph\n` +
    'type: Opaque\nstringData:\n'
  );
}
