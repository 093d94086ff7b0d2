import { existsSync } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** The project's root folder (where package.json is), from the sources or from `dist/`. */
export function repoRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  cached = dir;
  return dir;
}
