import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  type CatalogFile,
  catalogFileSchema,
} from '../../subgraphs/governance/catalog/catalogFile';
import { SchemaCheckError } from './schemaCheckError';

const run = promisify(execFile);

export const SUPERGRAPH_FILE = 'schema/supergraph.graphql';
export const CATALOG_FILE = 'schema/catalog.json';
export const ACKNOWLEDGED_CHANGES_FILE = 'schema/acknowledged-changes.json';

/** The supergraph and catalog a check compares against. */
export interface CommittedSchema {
  supergraph: string;
  catalog: CatalogFile;
}

/** The committed supergraph and catalog: of the working tree, or as committed at a git ref. */
export async function readCommittedSchema(
  root: string,
  base: string | null,
): Promise<CommittedSchema> {
  const read = base === null ? workingTreeReader(root) : await gitReader(root, base);
  const [supergraph, catalogText] = await Promise.all([read(SUPERGRAPH_FILE), read(CATALOG_FILE)]);
  const where = base === null ? CATALOG_FILE : `${CATALOG_FILE} at ${base}`;
  let catalog: unknown;
  try {
    catalog = JSON.parse(catalogText);
  } catch (error) {
    throw new SchemaCheckError(
      'BAD_COMMITTED_SCHEMA',
      `${where} is not JSON: ${(error as Error).message}`,
    );
  }
  const parsed = catalogFileSchema.safeParse(catalog);
  if (!parsed.success)
    throw new SchemaCheckError(
      'BAD_COMMITTED_SCHEMA',
      `${where} is not a data catalog: ${parsed.error.message}`,
    );
  return { supergraph, catalog: parsed.data };
}

function workingTreeReader(root: string) {
  return async (file: string) => {
    try {
      return await readFile(path.join(root, file), 'utf8');
    } catch (error) {
      throw new SchemaCheckError(
        'BAD_COMMITTED_SCHEMA',
        `cannot read ${file}: ${(error as Error).message}`,
      );
    }
  };
}

async function gitReader(root: string, base: string) {
  let commit: string;
  try {
    const { stdout } = await run('git', ['rev-parse', '--verify', '--quiet', `${base}^{commit}`], {
      cwd: root,
    });
    commit = stdout.trim();
  } catch {
    throw new SchemaCheckError('BASE_NOT_FOUND', `${base} is not a commit of this repository`);
  }
  return async (file: string) => {
    try {
      const { stdout } = await run('git', ['show', `${commit}:${file}`], {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } catch {
      throw new SchemaCheckError('BASE_NOT_FOUND', `${file} does not exist at ${base}`);
    }
  };
}
