import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { KubernetesObject } from './kustomize';

/** The problems the official Kubernetes schemas find in these objects; none when valid. */
export function schemaProblems(objects: readonly KubernetesObject[]): string[] {
  const run = spawnSync(process.execPath, [join(__dirname, 'validateKubernetesObjects.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the schema validation failed to run: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}
