import { NewAgencyError } from './NewAgencyError';

/** What `npm run new:agency -- <name> --port <n> [--title <title>] [--dry-run]` asks for. */
export interface NewAgencyArguments {
  /** The subgraph name: also its PostgreSQL schema, migration folder and service name. */
  name: string;
  port: number;
  /** The agency's name in prose, such as "Permit Office". */
  title: string;
  dryRun: boolean;
}

/** What the registry holds already: names and ports a new agency may not take. */
export interface TakenNames {
  agencies: Readonly<Record<string, { defaultPort: number }>>;
  /** Folders under subgraphs/ and migrations/ that are no agency (e.g. `shared`). */
  folders: readonly string[];
}

export const USAGE =
  'usage: npm run new:agency -- <name> --port <n> [--title "<title>"] [--dry-run]';

/** The gateway's own port; subgraphs listen from the next one up. */
export const FIRST_AGENCY_PORT = 4001;

// A PostgreSQL schema, a TypeScript property and a Kubernetes name at once: lowercase letters
// and digits, starting with a letter.
const AGENCY_NAME = /^[a-z][a-z0-9]{1,29}$/;

// Names the platform already gives a meaning to, or that PostgreSQL keeps for itself.
const RESERVED = new Set(['gateway', 'platform', 'shared', 'public', 'schema', 'migrate', 'test']);

/** Parses and checks the generator's command line against the registry; throws NewAgencyError. */
export function parseNewAgencyArguments(
  argv: readonly string[],
  taken: TakenNames,
): NewAgencyArguments {
  const positional: string[] = [];
  let port: string | undefined;
  let title: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (argument === '--dry-run') dryRun = true;
    else if (argument === '--port' || argument === '--title') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        throw new NewAgencyError('USAGE', `${argument} needs a value\n${USAGE}`);
      if (argument === '--port') port = value;
      else title = value;
    } else if (argument.startsWith('--'))
      throw new NewAgencyError('USAGE', `unknown option ${argument}\n${USAGE}`);
    else positional.push(argument);
  }
  if (positional.length !== 1)
    throw new NewAgencyError('USAGE', `give exactly one agency name\n${USAGE}`);
  if (port === undefined) throw new NewAgencyError('USAGE', `--port is required\n${USAGE}`);
  const name = checkName(positional[0]!, taken);
  return {
    name,
    port: checkPort(port, taken),
    title: checkTitle(title ?? defaultTitle(name)),
    dryRun,
  };
}

function checkName(name: string, taken: TakenNames): string {
  if (!AGENCY_NAME.test(name))
    throw new NewAgencyError(
      'NAME_INVALID',
      `"${name}" is not a valid agency name: use 2 to 30 lowercase letters and digits, starting with a letter (such as "permits")`,
    );
  if (RESERVED.has(name) || name.startsWith('pg'))
    throw new NewAgencyError('NAME_INVALID', `"${name}" is reserved: choose another agency name`);
  if (Object.prototype.hasOwnProperty.call(taken.agencies, name))
    throw new NewAgencyError('NAME_TAKEN', `the agency "${name}" is already in the registry`);
  if (taken.folders.includes(name))
    throw new NewAgencyError(
      'NAME_TAKEN',
      `"${name}" is already a folder under subgraphs/ or migrations/`,
    );
  return name;
}

function checkPort(value: string, taken: TakenNames): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < FIRST_AGENCY_PORT || port > 65535)
    throw new NewAgencyError(
      'PORT_INVALID',
      `--port must be a whole number from ${FIRST_AGENCY_PORT} to 65535, not "${value}"`,
    );
  const holder = Object.entries(taken.agencies).find(([, agency]) => agency.defaultPort === port);
  if (holder)
    throw new NewAgencyError('PORT_TAKEN', `port ${port} is already the ${holder[0]} subgraph's`);
  return port;
}

function checkTitle(title: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9 .,&()-]{1,79}$/.test(title))
    throw new NewAgencyError(
      'USAGE',
      `--title must be 2 to 80 letters, digits, spaces and . , & ( ) -, not "${title}"`,
    );
  return title;
}

function defaultTitle(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} Agency`;
}
