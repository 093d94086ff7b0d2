import { parseArgs } from 'node:util';
import { mintDemoToken } from '../demo/identity/mintDemoToken';
import { isPersonaName, PERSONA_NAMES, PERSONAS } from '../demo/identity/personas';

const USAGE = `usage: npm run --silent token -- <persona> [--subject <nationalId>]

Prints a token of the demo identity provider (valid for an hour) and nothing else:
  curl -H "authorization: Bearer $(npm run --silent token -- caseworker)" ...

personas:
${PERSONA_NAMES.map((name) => `  ${name.padEnd(15)} ${PERSONAS[name].description}`).join('\n')}
`;

/** `npm run --silent token -- <persona> [--subject <nationalId>]`: a demo token on stdout. */
async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { subject: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stderr.write(USAGE);
    return 0;
  }
  const [persona, ...extra] = positionals;
  if (persona === undefined || extra.length > 0 || !isPersonaName(persona)) {
    process.stderr.write(
      `${persona === undefined ? 'name a persona' : `unknown persona: ${positionals.join(' ')}`}\n\n${USAGE}`,
    );
    return 2;
  }
  const token = await mintDemoToken(persona, { subject: values.subject });
  if (token === null) {
    process.stderr.write('public sends no token: leave out the Authorization header\n');
    return 0;
  }
  process.stdout.write(`${token}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
