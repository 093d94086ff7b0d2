import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../platform/repoRoot';

/** A scratch copy of the repository's tracked files, sharing its installed node_modules. */
export interface RepoCopy {
  root: string;
  remove(): void;
}

/** Copies every file git tracks (as it is in the work tree) into a new temporary folder. */
export function copyRepository(): RepoCopy {
  const source = repoRoot();
  const root = mkdtempSync(path.join(tmpdir(), 'govgraph-copy-'));
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: source, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && file !== 'node_modules');
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    try {
      copyFileSync(path.join(source, file), path.join(root, file));
    } catch (error) {
      // A tracked file deleted in the work tree is not part of the copy.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(path.join(source, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
