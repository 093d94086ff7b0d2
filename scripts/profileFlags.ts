import path from 'node:path';

/**
 * Node flags that make a benchmark or soak process write a CPU profile when it exits, into
 * `$CPU_PROFILE_DIR/<name>/`, or none when that variable is unset. Node refuses
 * `--cpu-prof` in NODE_OPTIONS, so the flags go on each process's own command line.
 */
export function profileFlags(name: string): string[] {
  const dir = process.env.CPU_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(path.resolve(dir), name)}`] : [];
}
