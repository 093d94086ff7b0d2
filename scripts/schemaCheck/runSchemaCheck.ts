import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CompositionError } from '../../platform/federation/composeSupergraph';
import { catalogFileSchema } from '../../subgraphs/governance/catalog/catalogFile';
import type { SchemaArtifacts } from '../schemaArtifacts';
import { type AcknowledgedChanges, parseAcknowledgedChanges } from './acknowledgedChanges';
import { checkSchema } from './checkSchema';
import { ACKNOWLEDGED_CHANGES_FILE, readCommittedSchema } from './readCommittedSchema';
import { parseSchemaCheckArgs, SCHEMA_CHECK_USAGE } from './schemaCheckArgs';
import { SchemaCheckError } from './schemaCheckError';
import { formatSchemaCheckReport } from './schemaCheckReport';

/** What the check prints and how it exits: 0 passed, 1 unacknowledged breaking changes, 2 unusable. */
export interface SchemaCheckOutcome {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export interface SchemaCheckInputs {
  /** The repository the committed files and the acknowledgements are read from. */
  root: string;
  /** Composes the current subgraphs, in-process, as `npm run compose` does. */
  compose: () => Promise<Pick<SchemaArtifacts, 'supergraph' | 'catalog'>>;
}

/** `npm run schema:check` without the process: reads, composes, compares and reports. */
export async function runSchemaCheck(
  argv: readonly string[],
  inputs: SchemaCheckInputs,
): Promise<SchemaCheckOutcome> {
  try {
    const args = parseSchemaCheckArgs(argv);
    if (args.help) return { exitCode: 0, stdout: SCHEMA_CHECK_USAGE, stderr: '' };
    const [base, acknowledged, composed] = await Promise.all([
      readCommittedSchema(inputs.root, args.base),
      readAcknowledgedChanges(inputs.root),
      inputs.compose(),
    ]);
    const current = {
      supergraph: composed.supergraph,
      catalog: catalogFileSchema.parse(JSON.parse(composed.catalog)),
    };
    const report = await checkSchema(base, current, acknowledged.acknowledged);
    const against = args.base ?? 'the working tree';
    return {
      exitCode: report.passed ? 0 : 1,
      stdout: args.json
        ? `${JSON.stringify({ against, ...report }, null, 2)}\n`
        : formatSchemaCheckReport(report, against),
      stderr: '',
    };
  } catch (error) {
    // Subgraphs that do not compose have no schema to compare: `npm run compose` says the same.
    if (error instanceof CompositionError)
      return { exitCode: 2, stdout: '', stderr: `schema check: ${error.message}\n` };
    if (!(error instanceof SchemaCheckError)) throw error;
    const usage = error.code === 'USAGE' ? SCHEMA_CHECK_USAGE : '';
    return { exitCode: 2, stdout: '', stderr: `schema check: ${error.message}\n${usage}` };
  }
}

async function readAcknowledgedChanges(root: string): Promise<AcknowledgedChanges> {
  const file = path.join(root, ACKNOWLEDGED_CHANGES_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { acknowledged: [] };
    throw error;
  }
  return parseAcknowledgedChanges(text, ACKNOWLEDGED_CHANGES_FILE);
}
