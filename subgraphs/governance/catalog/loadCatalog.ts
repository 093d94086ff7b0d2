import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../../platform/repoRoot';
import { catalogFileSchema } from './catalogFile';
import { DataCatalog } from './DataCatalog';

/** Where `npm run compose` writes the catalog. */
export function catalogPath(): string {
  return path.join(repoRoot(), 'schema', 'catalog.json');
}

/** Reads the checked-in catalog at start; a missing or malformed file stops the service. */
export function loadCatalog(file = catalogPath()): DataCatalog {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `cannot read the data catalog ${file} (${(error as Error).message}): run \`npm run compose\``,
      { cause: error },
    );
  }
  const parsed = catalogFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(
      `the data catalog ${file} is malformed; run \`npm run compose\`:\n${problems.join('\n')}`,
    );
  }
  return new DataCatalog(parsed.data);
}
