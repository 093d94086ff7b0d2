import { mintDemoToken } from '../../demo/identity/mintDemoToken';
import { postGraphQL } from '../testing/postGraphQL';
import { type GatewayProcess, spawnGateway } from '../testing/spawnGateway';
import { connectTestRedis, type TestRedis } from '../testing/testRedis';

// Two gateway processes, as two replicas behind a load balancer, counting in one Redis.
let redis: TestRedis;
let replicas: GatewayProcess[] = [];
beforeAll(async () => {
  redis = await connectTestRedis();
  const env = {
    REDIS_URL: redis.url,
    RATE_LIMIT_KEY_PREFIX: redis.keyPrefix,
    RATE_LIMIT_PUBLIC: '4/60s',
    RATE_LIMIT_CLIENT: '3/60s',
    RATE_LIMIT_ORGANISATION: '1000/60s',
  };
  replicas = await Promise.all([spawnGateway(env), spawnGateway(env)]);
});
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await redis?.close();
});

const QUERY = { query: '{ __typename }' };
const ask = (replica: number, headers: Record<string, string> = {}) =>
  postGraphQL(replicas[replica]!.graphqlUrl, QUERY, headers);

async function expectAnswered(replica: number, headers?: Record<string, string>) {
  const response = await ask(replica, headers);
  expect(response.body).toEqual({ data: { __typename: 'Query' } });
}

async function expectLimited(replica: number, whose: RegExp, headers?: Record<string, string>) {
  const response = await ask(replica, headers);
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(response.body.errors).toEqual([
    {
      message: expect.stringMatching(whose),
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds: retryAfter,
        // The production profile puts the request id on every error.
        requestId: expect.any(String),
      },
    },
  ]);
}

test('both replicas say they count in Redis', () => {
  for (const replica of replicas) {
    expect(replica.lines()).toContainEqual(
      expect.objectContaining({ rateLimits: 'shared in Redis' }),
    );
  }
});

test("the public's limit holds across replicas: four requests split between them, the fifth refused on either", async () => {
  await expectAnswered(0);
  await expectAnswered(1);
  await expectAnswered(0);
  await expectAnswered(1);
  await expectLimited(0, /limited to 4 per 60 s/);
  await expectLimited(1, /limited to 4 per 60 s/);
});

test("a client's limit holds across replicas", async () => {
  const bank = { authorization: `Bearer ${await mintDemoToken('bank')}` };
  await expectAnswered(1, bank);
  await expectAnswered(0, bank);
  await expectAnswered(1, bank);
  await expectLimited(0, /one client are limited to 3 per 60 s/, bank);
  await expectLimited(1, /one client/, bank);
});

test('the counters are kept under the run’s own prefix', async () => {
  const keys = await redis.keys();
  expect(keys.some((key) => key.startsWith(`${redis.keyPrefix}:public:`))).toBe(true);
  expect(keys).toContain(`${redis.keyPrefix}:organisation:demo-bank`);
  expect(keys.some((key) => key.startsWith(`${redis.keyPrefix}:client:`))).toBe(true);
});
