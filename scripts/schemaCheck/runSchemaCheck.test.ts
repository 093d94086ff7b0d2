import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../platform/repoRoot';
import { buildSchemaArtifacts } from '../schemaArtifacts';
import { runSchemaCheck } from './runSchemaCheck';
import { catalogOf, supergraphOf } from './testing/schemaFixtures';

it('passes on the repository as it is', async () => {
  const outcome = await runSchemaCheck([], { root: repoRoot(), compose: buildSchemaArtifacts });
  expect(outcome).toEqual({
    exitCode: 0,
    stdout:
      'schema check passed against the working tree: 0 changes, 0 breaking, all acknowledged\n',
    stderr: '',
  });
});

describe('on a repository of fixtures', () => {
  const SDL =
    'type Query { company(registryCode: ID!): Company }\ntype Company { name: String, status: String }';
  const CATALOG = catalogOf({
    'Query.company': 'public',
    'Company.name': 'public',
    'Company.status': 'public',
  });
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      [
        '-c',
        'user.name=check',
        '-c',
        'user.email=check@example.test',
        '-c',
        'commit.gpgsign=false',
        ...args,
      ],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
  const commitSchema = (sdl: string) => {
    write('schema/supergraph.graphql', supergraphOf(sdl));
    write('schema/catalog.json', JSON.stringify(CATALOG));
    git('add', '-A');
    git('commit', '-q', '-m', 'schema');
  };
  const composing = (sdl: string) => ({
    root,
    compose: async () => ({ supergraph: supergraphOf(sdl), catalog: JSON.stringify(CATALOG) }),
  });

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
    git('init', '-q');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('exits 1 on an unacknowledged breaking change, naming it with its criticality', async () => {
    commitSchema(SDL);
    const outcome = await runSchemaCheck([], composing(SDL.replace(', status: String', '')));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stdout).toContain('BREAKING     FIELD_REMOVED:Company.status  ');
    expect(outcome.stdout).toMatch(
      /FAILED against the working tree: 1 breaking change not acknowledged/,
    );
  });

  it('exits 0 once the change is acknowledged, and reports it with its reason', async () => {
    commitSchema(SDL);
    write(
      'schema/acknowledged-changes.json',
      JSON.stringify({
        acknowledged: [{ change: 'FIELD_REMOVED:Company.status', reason: 'see Company.state' }],
      }),
    );
    const outcome = await runSchemaCheck(
      ['--json'],
      composing(SDL.replace(', status: String', '')),
    );
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({
      against: 'the working tree',
      passed: true,
      changes: [
        {
          id: 'FIELD_REMOVED:Company.status',
          criticality: 'BREAKING',
          acknowledged: 'see Company.state',
        },
      ],
    });
  });

  it('compares against the files committed at --base, not the working tree', async () => {
    commitSchema(SDL);
    commitSchema(SDL.replace(', status: String', ''));
    const current = composing(SDL.replace(', status: String', ''));
    expect((await runSchemaCheck([], current)).exitCode).toBe(0);
    const outcome = await runSchemaCheck(['--base', 'HEAD^1'], current);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stdout).toContain('FIELD_REMOVED:Company.status');
    expect(outcome.stdout).toContain('FAILED against HEAD^1');
  });

  it('exits 2 on a base that does not exist, a bad argument, subgraphs that do not compose or a bad acknowledgements file', async () => {
    commitSchema(SDL);
    const current = composing(SDL);
    expect(await runSchemaCheck(['--base', 'HEAD~5'], current)).toMatchObject({
      exitCode: 2,
      stderr: 'schema check: HEAD~5 is not a commit of this repository\n',
    });
    expect(await runSchemaCheck(['--verbose'], current)).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('unknown argument --verbose\nusage: npm run schema:check'),
    });
    expect(await runSchemaCheck([], composing('type Query { company: Company }'))).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/^schema check: the subgraphs do not compose:\n/),
    });
    write(
      'schema/acknowledged-changes.json',
      JSON.stringify({ acknowledged: [{ change: 'oops' }] }),
    );
    expect(await runSchemaCheck([], current)).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('schema/acknowledged-changes.json is invalid'),
    });
  });
});
