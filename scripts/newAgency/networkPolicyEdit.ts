import type { AgencyNaming } from './agencyNaming';
import { NewAgencyError } from './NewAgencyError';
import type { FileEdit } from './textEdits';

const FILE = 'deploy/kubernetes/base/network-policy.yaml';
const PORT_LINE = /^(\s+)- port: (\d+)$/;

/**
 * Opens the new subgraph's ports wherever the network policies list the others': its GraphQL
 * port after each run of lines naming the registry's ports (the gateway's way in to the
 * subgraphs, and its way out to them), and its metrics port after the run naming the metrics
 * ports (Prometheus' way in).
 */
export function networkPolicyEdit(
  n: AgencyNaming,
  registryPorts: readonly number[],
  metricsPorts: readonly number[],
): FileEdit {
  return {
    file: FILE,
    apply: (text) => openPort(openPort(text, n.port, registryPorts), n.metricsPort, metricsPorts),
  };
}

function openPort(text: string, port: number, listedPorts: readonly number[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let runs = 0;
  lines.forEach((line, i) => {
    out.push(line);
    const here = PORT_LINE.exec(line);
    if (!here || !listedPorts.includes(Number(here[2]))) return;
    const next = PORT_LINE.exec(lines[i + 1] ?? '');
    if (next && listedPorts.includes(Number(next[2]))) return;
    out.push(`${here[1]}- port: ${port}`);
    runs++;
  });
  if (runs === 0)
    throw new NewAgencyError(
      'ANCHOR_MISSING',
      `${FILE} lists no ports like ${listedPorts.join(', ')} to add ${port} to: open it there by hand`,
    );
  return out.join('\n');
}
