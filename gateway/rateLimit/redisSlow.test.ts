import { createServer, connect, type Server, type Socket } from 'node:net';
import { postGraphQL } from '../testing/postGraphQL';
import { startTestFederation, type TestFederation } from '../testing/startTestFederation';
import { connectTestRedis, type TestRedis } from '../testing/testRedis';

/** A relay to Redis that can hold what the gateway sends, as a Redis too busy to answer. */
interface StallingRelay {
  url: string;
  stall(): void;
  /** Sends on what was held, in order, and relays at once again. */
  resume(): void;
  close(): Promise<void>;
}

async function startStallingRelay(target: URL): Promise<StallingRelay> {
  let stalled = false;
  const held: { upstream: Socket; data: Buffer }[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
    }
    client.on('data', (data: Buffer) => {
      if (stalled) held.push({ upstream, data });
      else upstream.write(data);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    stall: () => void (stalled = true),
    resume() {
      stalled = false;
      for (const { upstream, data } of held.splice(0)) upstream.write(data);
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

let redis: TestRedis;
let relay: StallingRelay;
let federation: TestFederation;
beforeAll(async () => {
  redis = await connectTestRedis();
  relay = await startStallingRelay(new URL(redis.url));
  const rate = { requests: 2, windowSeconds: 60 };
  federation = await startTestFederation({
    rateLimits: {
      public: rate,
      citizen: rate,
      client: rate,
      organisation: rate,
      organisations: new Map(),
      trustedProxies: ['loopback'],
      store: { redisUrl: relay.url, keyPrefix: redis.keyPrefix, timeoutMs: 50 },
    },
  });
});
afterAll(async () => {
  await federation?.stop();
  await relay?.close();
  await redis?.close();
});

const from = (address: string) =>
  postGraphQL(federation.graphqlUrl, { query: '{ __typename }' }, { 'x-forwarded-for': address });
const logged = (message: RegExp) =>
  federation.log.lines().some((line) => message.test(String(line.msg)));

test('a Redis slower than its timeout is not waited for: memory limits meanwhile, and it is logged', async () => {
  const caller = '198.51.100.30';
  relay.stall();
  expect((await from(caller)).status).toBe(200);
  expect((await from(caller)).status).toBe(200);
  expect((await from(caller)).status).toBe(429);
  expect(logged(/Redis does not answer; each replica counts in its own memory/)).toBe(true);

  relay.resume();
  // Counting goes back to Redis once it answers in time.
  const deadline = Date.now() + 10_000;
  while (!logged(/Redis answers again/)) {
    if (Date.now() > deadline) throw new Error('the gateway did not count in Redis again in time');
    await from('203.0.113.99');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // The replies held back do not get mixed up with later counts.
  expect((await from('192.0.2.77')).status).toBe(200);
  expect((await from('192.0.2.77')).status).toBe(200);
  expect((await from('192.0.2.77')).status).toBe(429);
  expect(await redis.keys()).not.toHaveLength(0);
});
