import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runMain } from '../../platform/config/runMain';
import { repoRoot } from '../../platform/repoRoot';
import { GENERATED_OPERATIONS_PATH, generateOperations } from './generateOperations';

/** `npm run example:codegen`: regenerates the benefit application's typed operations. */
runMain(async () => {
  await writeFile(GENERATED_OPERATIONS_PATH, await generateOperations());
  process.stderr.write(`wrote ${path.relative(repoRoot(), GENERATED_OPERATIONS_PATH)}\n`);
});
