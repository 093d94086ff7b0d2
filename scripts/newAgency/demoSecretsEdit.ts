import type { AgencyNaming } from './agencyNaming';
import { type FileEdit, insertBefore } from './textEdits';

const FILE = 'deploy/kubernetes/overlays/demo/secrets.yaml';

/** The demo overlay's two Secrets of a new agency: its access-log key (byte for byte) and its database. */
export function demoSecretsEdit(n: AgencyNaming, privateJwk: string): FileEdit {
  const indented = privateJwk
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  const keySecret =
    `# ${n.name}'s key for its access log's signed heads and checkpoints.\n\n` +
    secretHead(`govgraph-access-log-${n.name}`) +
    `  private.jwk.json: |\n${indented}\n---\n`;
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
