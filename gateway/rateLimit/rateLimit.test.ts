import { nationalIdFor } from '../../platform/identity/nationalId';
import { postGraphQL } from '../testing/postGraphQL';
import { startTestFederation, type TestFederation } from '../testing/startTestFederation';
import type { Rate, RateLimits } from './rateLimits';

const perMinute = (requests: number): Rate => ({ requests, windowSeconds: 60 });

/** Small limits in this replica's memory; the proxy on loopback (the test) names the client. */
const RATE_LIMITS: RateLimits = {
  public: perMinute(2),
  citizen: perMinute(2),
  client: perMinute(2),
  organisation: perMinute(3),
  organisations: new Map([['tax-board', perMinute(5)]]),
  trustedProxies: ['loopback'],
};

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ rateLimits: RATE_LIMITS });
});
afterAll(() => federation.stop());

const QUERY = { query: '{ thing(id: "1") { id } }' };
const subgraphCalls = () => federation.population.requests.length;

let addresses = 0;
/** The headers of a public caller at an address of its own. */
const publicCaller = () => ({ 'x-forwarded-for': `198.51.100.${++addresses}` });

let serials = 0;
const citizen = async () => ({
  authorization: `Bearer ${await federation.auth.tokenFor({ sub: nationalIdFor('1990-01-01', 'F', ++serials) })}`,
});
const client = async (org: string, sub: string) => ({
  authorization: `Bearer ${await federation.auth.tokenFor({ sub, org })}`,
});

async function expectAnswered(headers: Record<string, string>) {
  const response = await postGraphQL(federation.graphqlUrl, QUERY, headers);
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
}

/** Refused with 429, Retry-After within the window, RATE_LIMITED, and no subgraph call. */
async function expectLimited(headers: Record<string, string>, whose: RegExp, accept?: string) {
  const before = subgraphCalls();
  const response = await postGraphQL(federation.graphqlUrl, QUERY, {
    ...headers,
    ...(accept ? { accept } : {}),
  });
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(response.body.data).toBeUndefined();
  expect(response.body.errors).toEqual([
    {
      message: expect.stringMatching(whose),
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
    },
  ]);
  expect(subgraphCalls()).toBe(before);
}

describe('the public caller, per client address', () => {
  test('two requests a minute are answered, the third refused, whatever the client accepts', async () => {
    const caller = publicCaller();
    await expectAnswered(caller);
    await expectAnswered(caller);
    await expectLimited(caller, /without a token from one address are limited to 2 per 60 s/);
    await expectLimited(caller, /limited to 2 per 60 s/, 'application/json');
  });

  test('another address has a count of its own', async () => {
    const first = publicCaller();
    await expectAnswered(first);
    await expectAnswered(first);
    await expectLimited(first, /one address/);
    await expectAnswered(publicCaller());
  });

  test('an IPv6 client counts by its /64: another address in it shares the count', async () => {
    await expectAnswered({ 'x-forwarded-for': '2001:db8:1:2::1' });
    await expectAnswered({ 'x-forwarded-for': '2001:db8:1:2:ffff::9' });
    await expectLimited({ 'x-forwarded-for': '2001:db8:1:2::abcd' }, /one address/);
    await expectAnswered({ 'x-forwarded-for': '2001:db8:1:3::1' });
  });
});

describe('a citizen, per person', () => {
  test('the limit follows the person, not the address', async () => {
    const mari = await citizen();
    await expectAnswered({ ...mari, ...publicCaller() });
    await expectAnswered({ ...mari, ...publicCaller() });
    await expectLimited({ ...mari, ...publicCaller() }, /one person are limited to 2 per 60 s/);
    await expectAnswered(await citizen());
  });
});

describe('refused credentials', () => {
  test('count against the public limit of their address: token guessing is rate limited too', async () => {
    const address = publicCaller();
    const forged = { ...address, authorization: 'Bearer not.a.token' };
    for (let i = 0; i < 2; i += 1) {
      const response = await postGraphQL(federation.graphqlUrl, QUERY, forged);
      expect(response.status).toBe(401);
      expect(response.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    await expectLimited(forged, /without a token from one address are limited to 2 per 60 s/);
    await expectLimited(address, /without a token from one address/);
  });

  test('do not use up the limit of a valid caller from the same address', async () => {
    const address = publicCaller();
    for (let i = 0; i < 3; i += 1)
      await postGraphQL(federation.graphqlUrl, QUERY, {
        ...address,
        authorization: 'Bearer not.a.token',
      });
    await expectAnswered({ ...address, ...(await citizen()) });
  });
});

describe('an organisation, per client and all its clients together', () => {
  test('a client over its limit does not use up its organisation’s', async () => {
    const a = await client('police', 'patrol-app');
    const b = await client('police', 'records-system');
    await expectAnswered(a);
    await expectAnswered(a);
    await expectLimited(a, /one client are limited to 2 per 60 s/);
    await expectLimited(a, /one client/);
    // The organisation has counted two requests, not four: one more of another client passes.
    await expectAnswered(b);
    await expectLimited(b, /one organisation's clients together are limited to 3 per 60 s/);
    await expectLimited(await client('police', 'third-client'), /one organisation's clients/);
  });

  test('another organisation has counts of its own', async () => {
    await expectAnswered(await client('demo-bank', 'loan-service'));
  });

  test('an organisation with a limit of its own is held to it', async () => {
    for (const sub of ['one', 'one', 'two', 'two', 'three']) {
      await expectAnswered(await client('tax-board', sub));
    }
    await expectLimited(await client('tax-board', 'four'), /limited to 5 per 60 s/);
  });
});
