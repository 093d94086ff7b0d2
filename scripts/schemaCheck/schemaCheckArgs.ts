import { SchemaCheckError } from './schemaCheckError';

/** What `npm run schema:check` was asked to do. */
export interface SchemaCheckArgs {
  json: boolean;
  /** A git ref whose committed supergraph and catalog are the base; null: the working tree's. */
  base: string | null;
  help: boolean;
}

export const SCHEMA_CHECK_USAGE = `usage: npm run schema:check -- [--base <git ref>] [--json]
  Composes the current subgraphs and compares the result with the committed
  schema/supergraph.graphql and schema/catalog.json (or those at <git ref>).
  --base <ref>  compare against the files committed at <ref> instead of the working tree
  --json        print the report as JSON
exit codes: 0 passed, 1 breaking changes not acknowledged, 2 usage or configuration error
`;

/** Parses the command line; anything unknown is a usage error. */
export function parseSchemaCheckArgs(argv: readonly string[]): SchemaCheckArgs {
  const args: SchemaCheckArgs = { json: false, base: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--base' || arg.startsWith('--base=')) {
      const ref = arg === '--base' ? argv[++i] : arg.slice('--base='.length);
      // A ref starting with '-' would be read by git as an option.
      if (!ref || ref.startsWith('-'))
        throw new SchemaCheckError('USAGE', '--base needs a git ref, such as HEAD^1 or main');
      args.base = ref;
    } else throw new SchemaCheckError('USAGE', `unknown argument ${arg}`);
  }
  return args;
}
