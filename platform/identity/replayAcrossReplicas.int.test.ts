import { deriveGatewayTokenKey, newGatewayTokenSecret } from './gatewayTokenKeys';
import { createLogger } from '../logging/logger';
import { type HostedAgency, hostAgency } from '../subgraph/hostAgency';
import { SUBGRAPH_FACTORIES } from '../../subgraphs/registry';
import { readAccessLogSigner } from '../witness/accessLogKeys';
import { isEmbeddedTestDatabase, testDatabaseUrl } from '../../test/support/testDatabase';
import { SHOWCASE } from '../../demo/showcase';
import { callerOf } from '../../test/support/subgraphRequest';
import { countStatements } from '../../test/support/countStatements';
import { GATEWAY_TOKEN_HEADER } from './gatewayToken';
import type { RequestIdentity } from './RequestIdentity';
import { signGatewayToken } from './signGatewayToken';
import { createSharedReplayGuard } from './createSharedReplayGuard';
import { REPLAYED_ANSWER } from './testing/replayedAnswer';

// Two replicas of one subgraph, as two processes behind a balancer, over one database.
const TAX_KEY = deriveGatewayTokenKey(newGatewayTokenSecret(), 'tax');
let replicas: HostedAgency[] = [];
beforeAll(async () => {
  const host = () =>
    hostAgency('tax', SUBGRAPH_FACTORIES.tax, {
      databaseUrl: testDatabaseUrl(),
      poolSize: 2,
      host: '127.0.0.1',
      port: 0,
      logger: createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent'),
      gatewayTokenKeys: [TAX_KEY],
      embeddedDatabase: isEmbeddedTestDatabase(),
      accessLogSigner: readAccessLogSigner('tax'),
      statisticsSecret: undefined,
    });
  replicas = [await host(), await host()];
});
afterAll(() => Promise.all(replicas.map((replica) => replica.stop())));

const BODY = JSON.stringify({ query: '{ __typename }' });
const IDENTITY = {
  requestId: 'replay-test',
  caller: { kind: 'public' as const },
  purpose: null,
  caseId: null,
};

async function post(replica: number, token: string, body = BODY) {
  const response = await fetch(replicas[replica]!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: token },
    body,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const mint = (identity: RequestIdentity = IDENTITY, body = BODY) =>
  signGatewayToken({ identity, audience: 'tax', body, key: TAX_KEY });

/** A call that releases personal data, so its answer writes access records. */
const PERSONAL = JSON.stringify({
  query: `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Person { incomeAssessments { year } } }
  }`,
  variables: { representations: [{ __typename: 'Person', id: SHOWCASE.nationalId }] },
});

async function recordsOf(requestId: string): Promise<number> {
  const [{ n }] = await replicas[0]!
    .db('tax.access_log')
    .where({ request_id: requestId })
    .count<{ n: string }[]>({ n: '*' });
  return Number(n);
}

test('a signed call answered by one replica is refused when replayed to the other', async () => {
  const token = await mint();
  expect(await post(0, token)).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  expect(await post(1, token)).toEqual(REPLAYED_ANSWER);
  expect(await post(0, token)).toEqual(REPLAYED_ANSWER);
});

test('of one token sent to both replicas at once, exactly one is answered', async () => {
  for (let round = 0; round < 5; round += 1) {
    const token = await mint();
    const answers = await Promise.all([post(0, token), post(1, token)]);
    expect(answers.map(({ status }) => status).sort()).toEqual([200, 401]);
  }
});

test('fresh tokens are answered by either replica', async () => {
  for (const replica of [0, 1, 0, 1]) expect((await post(replica, await mint())).status).toBe(200);
});

test('the ids are kept in the agency’s own schema until their tokens expire', async () => {
  const token = await mint();
  expect((await post(1, token)).status).toBe(200);
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
    jti: string;
    exp: number;
  };
  const { rows } = await replicas[0]!.db.raw<{ rows: { expires: number }[] }>(
    'select extract(epoch from expires_at)::int as expires from tax.gateway_token_use where token_id = ?',
    [payload.jti],
  );
  // Until the token's expiry plus the clock tolerance a replica allows.
  expect(rows).toEqual([{ expires: payload.exp + 5 }]);
});

test('expired ids are pruned, live ones kept', async () => {
  const db = replicas[0]!.db;
  const guard = createSharedReplayGuard({
    db,
    schema: 'tax',
    logger: createLogger('test', 'silent'),
  });
  try {
    const now = Math.floor(Date.now() / 1000);
    expect(await guard.admit('replay-test-expired', now - 60)).toBe(true);
    expect(await guard.admit('replay-test-live', now + 60)).toBe(true);
    await guard.prune();
    const { rows } = await db.raw<{ rows: { token_id: string }[] }>(
      "select token_id from tax.gateway_token_use where token_id like 'replay-test-%'",
    );
    expect(rows).toEqual([{ token_id: 'replay-test-live' }]);
    // The live id is still remembered by every replica.
    expect(await guard.admit('replay-test-live', now + 60)).toBe(false);
  } finally {
    guard.stop();
  }
});

describe('a call that releases personal data', () => {
  const officer = (requestId: string): RequestIdentity => ({
    requestId,
    caller: callerOf('tax-officer'),
    purpose: 'tax-assessment',
    caseId: null,
  });

  test('decides its token in the access log’s own statement, at no statement more', async () => {
    const requestId = `replay-personal-${Date.now()}`;
    const token = await mint(officer(requestId), PERSONAL);
    const sent: string[] = [];
    const listener = (query: { sql: string }) => sent.push(query.sql);
    replicas[0]!.db.on('query', listener);
    try {
      const answer = await post(0, token, PERSONAL);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).toContain('incomeAssessments');
    } finally {
      replicas[0]!.db.removeListener('query', listener);
    }
    const touchingTokens = sent.filter((sql) => sql.includes('gateway_token_use'));
    expect(touchingTokens).toHaveLength(1);
    expect(touchingTokens[0]).toMatch(/append_access_records/);
    expect(await recordsOf(requestId)).toBe(1);
  });

  test('replayed to the other replica, is refused, reads as nothing and records nothing', async () => {
    const requestId = `replay-personal-again-${Date.now()}`;
    const token = await mint(officer(requestId), PERSONAL);
    expect((await post(0, token, PERSONAL)).status).toBe(200);
    const counted = await countStatements({ data: replicas[1]!.db }, async () => {
      expect(await post(1, token, PERSONAL)).toEqual(REPLAYED_ANSWER);
    });
    // It ran (its reads, and the one statement that found the token used) but released nothing.
    expect(counted.data).toBeGreaterThan(0);
    expect(await recordsOf(requestId)).toBe(1);
  });

  test('sent to both replicas at once, is answered and recorded exactly once', async () => {
    for (let round = 0; round < 5; round += 1) {
      const requestId = `replay-personal-race-${Date.now()}-${round}`;
      const token = await mint(officer(requestId), PERSONAL);
      const answers = await Promise.all([post(0, token, PERSONAL), post(1, token, PERSONAL)]);
      expect(answers.map(({ status }) => status).sort()).toEqual([200, 401]);
      expect(await recordsOf(requestId)).toBe(1);
    }
  });
});
