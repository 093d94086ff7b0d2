import Ajv, { type ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Compose Specification's JSON schema as the `dclint` package ships it
 * (`schemas/compose.schema.json`, taken from the compose-spec project).
 */
export function composeSpecSchema(): Record<string, unknown> {
  const packageDirectory = dirname(require.resolve('dclint/package.json'));
  return JSON.parse(readFileSync(join(packageDirectory, 'schemas', 'compose.schema.json'), 'utf8'));
}

/** The problems the Compose Specification finds in a compose file's content; none when valid. */
export function composeProblems(content: unknown): string[] {
  // Its `$schema` names draft-07 by an https address Ajv does not know it by; the draft is Ajv's default.
  const { $schema: _draft, ...schema } = composeSpecSchema();
  const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(
    schema,
  );
  if (validate(content)) return [];
  return (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '(root)'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
}
