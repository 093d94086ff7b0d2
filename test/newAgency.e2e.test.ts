import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { mintDemoToken } from '../demo/identity/mintDemoToken';
import { SHOWCASE } from '../demo/showcase';
import { AGENCIES } from '../platform/agencies';
import type { Db } from '../platform/db/createDb';
import { stopChild } from '../scripts/federationProcesses';
import { copyRepository, type RepoCopy } from './support/repoCopy';
import {
  connectTestDatabase,
  isEmbeddedTestDatabase,
  testDatabaseUrl,
} from './support/testDatabase';

const run = promisify(execFile);
const AGENCY = 'permits';
const PORT = '4100';
const HOLDER = SHOWCASE.nationalId;
/** The generator gives a new agency the metrics port after the highest one in the registry. */
const METRICS_PORT = Math.max(...Object.values(AGENCIES).map((agency) => agency.metricsPort)) + 1;

// Building, composing and testing a copy of the repository takes minutes on a loaded machine.
const LONG = 30 * 60_000;

let copy: RepoCopy;
let db: Db;
let federation: ChildProcess | undefined;

/** Runs a command in the copy; a failure shows what it printed. */
async function inCopy(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    return await run(command, args, { cwd: copy.root, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`, {
      cause: error,
    });
  }
}

const newAgency = (...args: string[]) => inCopy('node', ['dist/scripts/newAgency.js', ...args]);
const readCopy = (file: string) => readFileSync(path.join(copy.root, file), 'utf8');

/** The files a run of the generator listed under a heading (`created:`, `edited:`). */
function listed(stdout: string, heading: string): string[] {
  const lines = stdout.split('\n');
  const files: string[] = [];
  for (let i = lines.indexOf(heading) + 1; i > 0 && lines[i]?.startsWith('  '); i++)
    files.push(lines[i]!.trim());
  return files;
}

beforeAll(async () => {
  copy = copyRepository();
  db = connectTestDatabase(2);
  await inCopy('npm', ['run', '--silent', 'build']);
}, LONG);

afterAll(async () => {
  if (federation) await stopChild(federation);
  await db?.raw('drop schema if exists ?? cascade', [AGENCY]);
  await db?.destroy();
  copy?.remove();
}, LONG);

describe('npm run new:agency, in a copy of the repository', () => {
  let created: string[] = [];
  let edited: string[] = [];

  it('refuses a bad name or a taken port before writing anything', async () => {
    await expect(newAgency('Permits', '--port', PORT)).rejects.toThrow(/not a valid agency name/);
    await expect(newAgency(AGENCY, '--port', '4001')).rejects.toThrow(
      /port 4001 is already the population subgraph's/,
    );
    await expect(newAgency(AGENCY)).rejects.toThrow(/--port is required/);
    expect(existsSync(path.join(copy.root, 'subgraphs', AGENCY))).toBe(false);
  });

  it('lists what it would write on a dry run, and writes nothing', async () => {
    const registry = readCopy('platform/agencies.ts');
    const { stdout } = await newAgency(AGENCY, '--port', PORT, '--dry-run');
    expect(listed(stdout, 'would create (dry run, nothing written):')).toContain(
      `subgraphs/${AGENCY}/record/record.resolver.ts`,
    );
    expect(listed(stdout, 'would edit:')).toContain('platform/agencies.ts');
    expect(existsSync(path.join(copy.root, 'subgraphs', AGENCY))).toBe(false);
    expect(readCopy('platform/agencies.ts')).toBe(registry);
  });

  it('writes the agency and prints what it created, what it edited and the next commands', async () => {
    const { stdout } = await newAgency(AGENCY, '--port', PORT, '--title', 'Permit Office');
    created = listed(stdout, 'created:');
    edited = listed(stdout, 'edited:');
    expect(created).toEqual(
      expect.arrayContaining([
        `subgraphs/${AGENCY}/policy.ts`,
        `subgraphs/${AGENCY}/${AGENCY}.int.test.ts`,
        `demo/keys/access-log-${AGENCY}.private.jwk.json`,
        `deploy/kubernetes/base/subgraphs/${AGENCY}.yaml`,
      ]),
    );
    expect(created.filter((file) => file.startsWith(`migrations/${AGENCY}/`))).toHaveLength(5);
    expect(edited).toEqual(
      expect.arrayContaining([
        'platform/agencies.ts',
        'subgraphs/registry.ts',
        'docker-compose.yml',
      ]),
    );
    for (const file of [...created, ...edited])
      expect(existsSync(path.join(copy.root, file))).toBe(true);
    expect(readCopy('platform/agencies.ts')).toContain(
      `${AGENCY}: { title: 'Permit Office', defaultPort: ${PORT}, metricsPort: ${METRICS_PORT} }`,
    );
    expect(stdout).toContain('next:');
    expect(stdout).toContain('npm run compose');
  });

  it('refuses to write over an agency it has written', async () => {
    await expect(newAgency(AGENCY, '--port', '4101')).rejects.toThrow(/already a folder/);
  });

  it(
    'writes files that pass the formatter and the linter, and the project builds with them',
    async () => {
      await inCopy('npx', ['prettier', '--check', ...created, ...edited]);
      await inCopy('npx', ['eslint', ...created.filter((file) => file.endsWith('.ts'))]);
      await inCopy('npm', ['run', '--silent', 'build']);
      // Built, the registry itself now holds the name.
      await expect(newAgency(AGENCY, '--port', '4101')).rejects.toThrow(/already in the registry/);
    },
    LONG,
  );

  it(
    'composes: the supergraph holds the new subgraph and the catalog its fields',
    async () => {
      await inCopy('node', ['dist/scripts/compose.js']);
      const supergraph = readCopy('schema/supergraph.graphql');
      expect(supergraph).toMatch(/PERMITS @join__graph\(name: "permits"/);
      expect(supergraph).toContain('permitsRecords(');
      const catalog = readCopy('schema/catalog.json');
      expect(catalog).toContain('PermitsRecord');
    },
    LONG,
  );

  it(
    "passes its own tests and the deployment's checks",
    async () => {
      const env = { ...process.env };
      delete env.GOVGRAPH_TEST_DATABASE_URL;
      delete env.GOVGRAPH_TEST_DATABASE_EMBEDDED;
      const { stderr } = await inCopy(
        'npx',
        [
          'jest',
          '--maxWorkers=1',
          '--ci',
          `subgraphs/${AGENCY}`,
          'test/deploy',
          'demo/roles.test.ts',
        ],
        env,
      );
      expect(stderr).toMatch(/Tests:\s+\d+ passed, \d+ total/);
      expect(stderr).toContain(`PASS subgraphs/${AGENCY}/${AGENCY}.int.test.ts`);
    },
    LONG,
  );

  it(
    'serves its register through the gateway: open data to anyone, the personal field to its holder',
    async () => {
      // The agency's schema in the test database, as `npm run migrate` would make it.
      await db.raw('create schema if not exists ??', [AGENCY]);
      await db.migrate.latest({
        directory: path.join(copy.root, 'migrations', AGENCY),
        schemaName: AGENCY,
        tableName: 'knex_migrations',
        loadExtensions: ['.ts'],
      });
      await db(`${AGENCY}.record`).insert([
        { reference: 'P-1', holder_id: HOLDER, title: 'Building permit', issued_on: '2024-05-02' },
        {
          reference: 'P-2',
          holder_id: SHOWCASE.childIds[0],
          title: 'Event permit',
          issued_on: '2025-01-15',
        },
      ]);
      const gatewayUrl = await startFederationInCopy();
      const query = async (authorization?: string) => {
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(authorization ? { authorization } : {}),
          },
          body: JSON.stringify({
            query: '{ permitsRecords(first: 10) { nodes { reference title issuedOn } } }',
          }),
        });
        expect(response.status).toBe(200);
        return (await response.json()) as {
          data: {
            permitsRecords: {
              nodes: { reference: string; title: string; issuedOn: string | null }[];
            };
          };
          errors?: { extensions?: { code?: string } }[];
        };
      };

      const anyone = await query();
      expect(anyone.data.permitsRecords.nodes).toEqual([
        { reference: 'P-1', title: 'Building permit', issuedOn: null },
        { reference: 'P-2', title: 'Event permit', issuedOn: null },
      ]);
      expect(new Set(anyone.errors?.map((error) => error.extensions?.code))).toEqual(
        new Set(['FORBIDDEN']),
      );

      const token = await mintDemoToken('citizen', { subject: HOLDER });
      const holder = await query(`Bearer ${token}`);
      expect(holder.data.permitsRecords.nodes.map((node) => node.issuedOn)).toEqual([
        '2024-05-02',
        null,
      ]);
    },
    LONG,
  );
});

/** Starts the copy's federation, new agency included, in a process of its own; resolves to its gateway URL. */
async function startFederationInCopy(): Promise<string> {
  const script = `
    require('reflect-metadata');
    const { startLocalFederation } = require('./dist/scripts/startLocalFederation.js');
    const { createLogger } = require('./dist/platform/logging/logger.js');
    startLocalFederation({
      databaseUrl: process.env.COPY_DATABASE_URL,
      host: '127.0.0.1',
      subgraphPorts: 'ephemeral',
      gatewayPort: 0,
      logger: createLogger('copy', 'warn'),
      embeddedDatabase: process.env.COPY_DATABASE_EMBEDDED === 'true',
      poolSize: 2,
      policyPoolSize: 1,
    }).then(
      (running) => {
        process.stdout.write(JSON.stringify({ gatewayUrl: running.gatewayUrl }) + '\\n');
        process.once('SIGTERM', () => running.stop().then(() => process.exit(0)));
      },
      (error) => {
        process.stderr.write(String(error && error.stack) + '\\n');
        process.exit(1);
      },
    );`;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: copy.root,
    env: {
      ...process.env,
      COPY_DATABASE_URL: testDatabaseUrl(),
      COPY_DATABASE_EMBEDDED: String(isEmbeddedTestDatabase()),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  federation = child;
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the copy's federation exited with ${code}`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { gatewayUrl: string }).gatewayUrl));
  });
}
