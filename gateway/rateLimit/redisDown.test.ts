import { startTcpProxy, type TcpProxy } from '../../test/support/tcpProxy';
import { postGraphQL } from '../testing/postGraphQL';
import { startTestFederation, type TestFederation } from '../testing/startTestFederation';
import { connectTestRedis, type TestRedis } from '../testing/testRedis';

// Counted in Redis through a relay the test can cut, as if Redis had gone down.
let redis: TestRedis;
let relay: TcpProxy;
let federation: TestFederation;
beforeAll(async () => {
  redis = await connectTestRedis();
  relay = await startTcpProxy(redis.url);
  federation = await startTestFederation({
    rateLimits: {
      public: { requests: 2, windowSeconds: 60 },
      citizen: { requests: 2, windowSeconds: 60 },
      client: { requests: 2, windowSeconds: 60 },
      organisation: { requests: 2, windowSeconds: 60 },
      organisations: new Map(),
      trustedProxies: ['loopback'],
      store: { redisUrl: relay.url, keyPrefix: redis.keyPrefix, timeoutMs: 500 },
    },
  });
});
afterAll(async () => {
  await federation?.stop();
  await relay?.close();
  await redis?.close();
});

const QUERY = { query: '{ __typename }' };
const from = (address: string) =>
  postGraphQL(federation.graphqlUrl, QUERY, { 'x-forwarded-for': address });
const logged = (message: RegExp) =>
  federation.log.lines().some((line) => message.test(String(line.msg)));

const DOWN = /Redis does not answer; each replica counts in its own memory/;
const BACK = /Redis answers again; counts are shared/;

let probes = 0;
/** Asks from fresh addresses until Redis counts again (reconnecting takes a moment). */
async function untilRedisCountsAgain(timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!logged(BACK)) {
    if (Date.now() > deadline) throw new Error('the gateway did not count in Redis again in time');
    await from(`203.0.113.${++probes}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('counts are kept in Redis, under keys that name no person', async () => {
  expect((await from('192.0.2.10')).status).toBe(200);
  const keys = await redis.keys();
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatch(new RegExp(`^${redis.keyPrefix}:public:[A-Za-z0-9_-]{22}$`));
  expect(keys[0]).not.toContain('192.0.2.10');
});

test('while Redis is down each replica limits in memory, and logs it; counts are shared again when it is back', async () => {
  const caller = '198.51.100.20';
  expect((await from(caller)).status).toBe(200); // Redis: 1

  await relay.cut();
  expect((await from(caller)).status).toBe(200); // memory: 1
  expect((await from(caller)).status).toBe(200); // memory: 2
  const refused = await from(caller); // memory: 3
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
  expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  expect(logged(DOWN)).toBe(true);
  expect(federation.log.lines().filter((line) => DOWN.test(String(line.msg)))).toHaveLength(1);

  await relay.restore();
  await untilRedisCountsAgain();
  // Redis still holds the one request made before it went down: one more is answered, as
  // memory (which has counted three) would not have answered it.
  expect((await from(caller)).status).toBe(200); // Redis: 2
  expect((await from(caller)).status).toBe(429); // Redis: 3
});
