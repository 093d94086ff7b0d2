import type { AgencyNaming } from './agencyNaming';
import { NewAgencyError } from './NewAgencyError';
import type { FileEdit } from './textEdits';

const FILE = 'deploy/kubernetes/base/network-policy.yaml';
const PORT_LINE = /^(\s+)- port: (\d+)$/;

/**
 * Opens the new subgraph's port wherever the network policies list the subgraphs' ports (the
 * gateway's way in to the subgraphs, and its way out to them): after each run of lines that
 * name the registry's ports.
 */
export function networkPolicyEdit(n: AgencyNaming, registryPorts: readonly number[]): FileEdit {
  return {
    file: FILE,
    apply(text) {
      const lines = text.split('\n');
      const out: string[] = [];
      let runs = 0;
      lines.forEach((line, i) => {
        out.push(line);
        const here = PORT_LINE.exec(line);
        if (!here || !registryPorts.includes(Number(here[2]))) return;
        const next = PORT_LINE.exec(lines[i + 1] ?? '');
        if (next && registryPorts.includes(Number(next[2]))) return;
        out.push(`${here[1]}- port: ${n.port}`);
        runs++;
      });
      if (runs === 0)
        throw new NewAgencyError(
          'ANCHOR_MISSING',
          `${FILE} lists no subgraph ports to add ${n.port} to: open it there by hand`,
        );
      return out.join('\n');
    },
  };
}
