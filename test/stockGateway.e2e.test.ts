import 'reflect-metadata';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import * as httpTransport from '@graphql-mesh/transport-http';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import { repoRoot } from '../platform/repoRoot';
import { SHOWCASE } from '../demo/showcase';
import { type BareSubgraph, startBareSubgraph } from '../scripts/bench/startBareSubgraph';
import { startTestFederation, type TestFederation } from './support/testFederation';

const run = promisify(execFile);

// The committed file itself: the stock runtime reads it from this path, as its users would.
const SUPERGRAPH_FILE = path.join(repoRoot(), 'schema', 'supergraph.graphql');

interface StockGateway {
  query(
    query: string,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string }[] }>;
  stop(): Promise<void>;
}

/**
 * Hive Gateway's runtime as its documentation sets it up, no govgraph plugin, over the
 * committed supergraph; only where each subgraph listens is given, through the runtime's own
 * option, as the test's subgraphs listen on free ports.
 */
async function startStockGateway(locations: Record<AgencyName, string>): Promise<StockGateway> {
  const runtime = createGatewayRuntime({
    supergraph: SUPERGRAPH_FILE,
    logging: false,
    transports: { http: httpTransport },
    transportEntries: Object.fromEntries(
      Object.entries(locations).map(([name, location]) => [name, { location }]),
    ),
  });
  const server: Server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    async query(query) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as never;
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose();
    },
  };
}

/**
 * The supergraph as `npm run compose` builds it, in a process of its own: the order of types in
 * the printed SDL follows the order the agencies' modules were first loaded in, which this
 * test's imports change.
 */
async function composedSupergraph(): Promise<Buffer> {
  const print =
    "require('./scripts/schemaArtifacts').buildSchemaArtifacts().then((a) => process.stdout.write(a.supergraph))";
  const { stdout } = await run(
    process.execPath,
    ['-r', 'reflect-metadata', '-r', '@swc-node/register', '-e', print],
    { cwd: repoRoot(), encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

const PUBLIC_QUERY = `{ company(registryCode: "${SHOWCASE.companyRegistryCode}") { name boardMembers { familyName } } }`;
const PERSONAL_QUERY = `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName dateOfBirth } }`;

let federation: TestFederation;
const bareSubgraphs: BareSubgraph[] = [];
let overBare: StockGateway;
let overGoverned: StockGateway;
beforeAll(async () => {
  federation = await startTestFederation();
  const bare = {} as Record<AgencyName, string>;
  for (const agency of AGENCY_NAMES) {
    const subgraph = await startBareSubgraph(agency, federation.subgraphs[agency].db, {
      host: '127.0.0.1',
      port: 0,
    });
    bareSubgraphs.push(subgraph);
    bare[agency] = subgraph.url;
  }
  overBare = await startStockGateway(bare);
  const governed = Object.fromEntries(
    AGENCY_NAMES.map((agency) => [agency, federation.subgraphs[agency].url]),
  ) as Record<AgencyName, string>;
  overGoverned = await startStockGateway(governed);
});
afterAll(async () => {
  await overBare?.stop();
  await overGoverned?.stop();
  await Promise.all(bareSubgraphs.map((subgraph) => subgraph.stop()));
  await federation?.stop();
});

it('serves the committed supergraph, byte for byte what compose produces', async () => {
  expect((await readFile(SUPERGRAPH_FILE)).equals(await composedSupergraph())).toBe(true);
});

it('plans and resolves a public query across two subgraphs', async () => {
  const { data, errors } = await overBare.query(PUBLIC_QUERY);
  expect(errors).toBeUndefined();
  expect(data).toMatchObject({ company: { name: 'Tamm Tarkvara OÜ' } });
  const members = (data!.company as { boardMembers: { familyName: string }[] }).boardMembers;
  expect(members.map((member) => member.familyName)).toContain('Tamm');
});

it('gets no personal data from a governed subgraph: without a govgraph gateway token it refuses', async () => {
  const refusal = (field: string, serviceName: string) => ({
    data: { [field]: null },
    errors: [
      {
        message: 'The request carries no gateway token',
        path: [field],
        extensions: { code: 'UNAUTHENTICATED', serviceName },
      },
    ],
  });
  expect(await overGoverned.query(PERSONAL_QUERY)).toEqual(refusal('person', 'population'));
  // Governance is in the subgraphs, and they serve govgraph's gateway alone: a stock router
  // over them gets nothing, open data included.
  expect(await overGoverned.query(PUBLIC_QUERY)).toEqual(refusal('company', 'business'));
  // The same query through govgraph's gateway, as the person herself, is answered: the
  // refusal is the subgraph's, not a fault of the stock runtime or the supergraph.
  const own = await federation.query(PERSONAL_QUERY, { persona: 'citizen' });
  expect(own.body.data).toMatchObject({ person: { givenName: 'Mari' } });
});
