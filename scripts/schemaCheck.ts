import 'reflect-metadata';
import { repoRoot } from '../platform/repoRoot';
import { buildSchemaArtifacts } from './schemaArtifacts';
import { runSchemaCheck } from './schemaCheck/runSchemaCheck';

/**
 * `npm run schema:check -- [--base <git ref>] [--json]`: fails on breaking changes to the
 * client-facing schema or to a field's governance that schema/acknowledged-changes.json does
 * not acknowledge.
 */
runSchemaCheck(process.argv.slice(2), { root: repoRoot(), compose: buildSchemaArtifacts }).then(
  ({ exitCode, stdout, stderr }) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(
      `schema check: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
