import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { NewAgencyError } from './NewAgencyError';
import type { NewAgencyPlan } from './planNewAgency';

export interface WrittenAgency {
  created: string[];
  edited: string[];
}

/**
 * Applies a plan under `root`: refuses if any file it would create exists, makes every edit
 * in memory first (so a missing anchor stops it before anything is written), formats what it
 * writes as the repository's Prettier does, then writes. With `dryRun` it writes nothing.
 */
export async function writeNewAgency(
  root: string,
  plan: NewAgencyPlan,
  { dryRun }: { dryRun: boolean },
): Promise<WrittenAgency> {
  const existing = plan.creates.filter(({ file }) => existsSync(path.join(root, file)));
  if (existing.length > 0)
    throw new NewAgencyError(
      'FILE_EXISTS',
      `refusing to overwrite ${existing.map(({ file }) => file).join(', ')}`,
    );
  const outputs: { file: string; text: string }[] = [...plan.creates];
  for (const edit of plan.edits) {
    const before = await readFile(path.join(root, edit.file), 'utf8');
    outputs.push({ file: edit.file, text: edit.apply(before) });
  }
  const formatted = await Promise.all(
    outputs.map(async ({ file, text }) => ({ file, text: await prettified(root, file, text) })),
  );
  if (!dryRun)
    for (const { file, text } of formatted) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
  return {
    created: plan.creates.map(({ file }) => file),
    edited: plan.edits.map(({ file }) => file),
  };
}

async function prettified(root: string, file: string, text: string): Promise<string> {
  const filepath = path.join(root, file);
  const config = (await resolveConfig(filepath)) ?? {};
  return format(text, { ...config, filepath });
}
