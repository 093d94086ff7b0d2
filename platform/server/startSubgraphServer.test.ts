import { buildSchema } from 'graphql';
import { deriveGatewayTokenKey, newGatewayTokenSecret } from '../identity/gatewayTokenKeys';
import { GATEWAY_TOKEN_HEADER } from '../identity/gatewayToken';
import type { SharedReplayGuard } from '../identity/createSharedReplayGuard';
import { signGatewayToken } from '../identity/signGatewayToken';
import { createLogger } from '../logging/logger';
import { type RunningSubgraph, startSubgraphServer } from './startSubgraphServer';
import { REPLAYED_ANSWER } from '../identity/testing/replayedAnswer';

// Two replicas of one subgraph over one shared record of used tokens, as over one database.
const TAX_KEY = deriveGatewayTokenKey(newGatewayTokenSecret(), 'tax');
const used = new Set<string>();
const sharedReplays: SharedReplayGuard = {
  admit(id) {
    const first = !used.has(id);
    used.add(id);
    return Promise.resolve(first);
  },
  prune: () => Promise.resolve(),
  stop: () => undefined,
};

const SCHEMA = buildSchema(`
  type Query { reads: Int! }
  type Mutation { bump: Int! }
`);

/** What the resolvers ran: a replay refused before execution runs nothing. */
let bumps = 0;
let reads = 0;
SCHEMA.getMutationType()!.getFields().bump!.resolve = () => (bumps += 1);
SCHEMA.getQueryType()!.getFields().reads!.resolve = () => (reads += 1);

async function replicasOf(readOnlyQueries: boolean): Promise<RunningSubgraph[]> {
  const start = () =>
    startSubgraphServer({
      name: 'tax',
      schema: SCHEMA,
      host: '127.0.0.1',
      port: 0,
      logger: createLogger('test', 'silent'),
      gatewayTokenKeys: [TAX_KEY],
      sharedReplays,
      readOnlyQueries,
      createContext: () => Promise.resolve({}),
    });
  return [await start(), await start()];
}

let readOnly: RunningSubgraph[] = [];
let writing: RunningSubgraph[] = [];
beforeAll(async () => {
  readOnly = await replicasOf(true);
  writing = await replicasOf(false);
});
afterAll(() => Promise.all([...readOnly, ...writing].map((replica) => replica.stop())));

async function call(replica: RunningSubgraph, body: string, token: string) {
  const response = await fetch(replica.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: token },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const bodyOf = (query: string) => JSON.stringify({ query });
const mint = (body: string) =>
  signGatewayToken({
    identity: { requestId: 'r', caller: { kind: 'public' }, purpose: null, caseId: null },
    audience: 'tax',
    body,
    key: TAX_KEY,
  });

describe('a replayed gateway token', () => {
  test('runs no mutation on the other replica, even of a subgraph whose queries only read', async () => {
    for (const replicas of [readOnly, writing]) {
      const body = bodyOf('mutation { bump }');
      const token = await mint(body);
      const before = bumps;
      expect((await call(replicas[0]!, body, token)).status).toBe(200);
      expect(await call(replicas[1]!, body, token)).toEqual(REPLAYED_ANSWER);
      expect(bumps).toBe(before + 1);
    }
  });

  test('runs no query on the other replica of a subgraph whose queries may write', async () => {
    const body = bodyOf('{ reads }');
    const token = await mint(body);
    const before = reads;
    expect((await call(writing[0]!, body, token)).status).toBe(200);
    expect(await call(writing[1]!, body, token)).toEqual(REPLAYED_ANSWER);
    expect(reads).toBe(before + 1);
  });

  test('of a read-only subgraph, may run its query there but gets none of its answer', async () => {
    const body = bodyOf('{ reads }');
    const token = await mint(body);
    const before = reads;
    expect((await call(readOnly[0]!, body, token)).body).toEqual({ data: { reads: before + 1 } });
    expect(await call(readOnly[1]!, body, token)).toEqual(REPLAYED_ANSWER);
    // Decided beside the execution: the read ran, and nothing of it left.
    expect(reads).toBe(before + 2);
  });
});
