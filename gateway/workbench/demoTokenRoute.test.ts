import { decodeJwt } from 'jose';
import { demoIdentityOptions } from '../../demo/identity/demoIdentityProvider';
import { PERSONAS } from '../../demo/identity/personas';
import { createClientTokenVerifier } from '../identity/createClientTokenVerifier';
import { DEFAULT_TOKEN_LIFETIMES, tokenLifetimeProblem } from '../identity/tokenLifetime';
import { profileDefaults } from '../profiles/profileSettings';
import { startTestFederation, type TestFederation } from '../testing/startTestFederation';
import { DEMO_TOKEN_PATH } from './useDemoTokenRoute';

let demo: TestFederation;
let production: TestFederation;
let productionWithExplorer: TestFederation;
let demoWithoutExplorer: TestFederation;
beforeAll(async () => {
  [demo, production, productionWithExplorer, demoWithoutExplorer] = await Promise.all([
    startTestFederation({ profile: profileDefaults('demo', 0) }),
    startTestFederation({ profile: profileDefaults('production', 0) }),
    startTestFederation({ profile: { ...profileDefaults('production', 0), explorer: true } }),
    startTestFederation({ profile: { ...profileDefaults('demo', 0), explorer: false } }),
  ]);
});
afterAll(() =>
  Promise.all(
    [demo, production, productionWithExplorer, demoWithoutExplorer].map((f) => f?.stop()),
  ),
);

const verify = createClientTokenVerifier(demoIdentityOptions());

/** Asks a gateway's demo token route; JSON unless a content type is given. */
async function ask(
  federation: TestFederation,
  body: string,
  headers: Record<string, string> = {},
  method = 'POST',
) {
  const response = await fetch(`${federation.baseUrl}${DEMO_TOKEN_PATH}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(method === 'GET' ? {} : { body }),
  });
  const text = await response.text();
  let json: { token?: string; errors?: { extensions: { code: string } }[] } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: the runtime's own 404
  }
  return {
    status: response.status,
    json,
    code: json.errors?.[0]?.extensions.code,
    cacheControl: response.headers.get('cache-control'),
  };
}

const personaBody = (persona: string) => JSON.stringify({ persona });

describe('in the demo profile', () => {
  test.each(['caseworker', 'citizen', 'statistician', 'bank'])(
    "mints %s's token, which the gateway's token rules accept",
    async (persona) => {
      const answer = await ask(demo, personaBody(persona));
      expect(answer.status).toBe(200);
      expect(answer.cacheControl).toBe('no-store');
      const token = answer.json.token!;
      const claims = decodeJwt(token);
      expect(typeof claims.iat).toBe('number');
      const now = Math.floor(Date.now() / 1000);
      expect(tokenLifetimeProblem(claims, DEFAULT_TOKEN_LIFETIMES, now, 30)).toBeUndefined();
      const caller = await verify(token);
      const expected = PERSONAS[persona as keyof typeof PERSONAS] as { claims?: { org?: string } };
      if (expected.claims?.org) expect(caller).toMatchObject({ organisation: expected.claims.org });
      else expect(caller.kind).toBe('citizen');
    },
  );

  test('an allowed origin is served; a page of another origin is refused', async () => {
    const own = new URL(demo.baseUrl).origin;
    expect((await ask(demo, personaBody('caseworker'), { origin: own })).status).toBe(200);
    const foreign = await ask(demo, personaBody('caseworker'), { origin: 'https://evil.example' });
    expect(foreign).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(foreign.json.token).toBeUndefined();
  });

  test.each([
    ['an unknown persona', personaBody('root')],
    ['a name of an inherited property', personaBody('constructor')],
    ['the public, who has no token', personaBody('public')],
    ['another field beside the persona', JSON.stringify({ persona: 'citizen', sub: '1' })],
    ['a persona that is not a string', JSON.stringify({ persona: ['citizen'] })],
    ['an empty object', '{}'],
    ['a body that is not JSON', 'persona=citizen'],
  ])('refuses %s with BAD_USER_INPUT and mints nothing', async (_case, body) => {
    const answer = await ask(demo, body);
    expect(answer).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(answer.json.token).toBeUndefined();
  });

  test.each([
    ['a form', 'application/x-www-form-urlencoded'],
    ['plain text', 'text/plain'],
  ])(
    'refuses %s, which a page of another site could send without a preflight',
    async (_c, type) => {
      const answer = await ask(demo, personaBody('citizen'), { 'content-type': type });
      expect(answer).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    },
  );

  test('refuses a GET and a body over a kilobyte', async () => {
    expect(await ask(demo, '', {}, 'GET')).toMatchObject({ status: 405, code: 'BAD_REQUEST' });
    const large = JSON.stringify({ persona: 'c'.repeat(2000) });
    expect(await ask(demo, large)).toMatchObject({ status: 413, code: 'REQUEST_TOO_LARGE' });
  });
});

test('a gateway with shorter token lifetimes gets tokens within them, which it accepts', async () => {
  const shorter = await startTestFederation({
    profile: profileDefaults('demo', 0),
    identity: { ...demoIdentityOptions(), maxLifetimes: { person: 900, client: 600 } },
  });
  try {
    for (const [persona, lifetime] of [
      ['caseworker', 900],
      ['bank', 600],
    ] as const) {
      const { token } = (await ask(shorter, personaBody(persona))).json;
      const claims = decodeJwt(token!);
      expect(claims.exp! - claims.iat!).toBe(lifetime);
      const response = await fetch(shorter.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status).toBe(200);
    }
  } finally {
    await shorter.stop();
  }
});

describe('outside the demo profile, and without the explorer', () => {
  test.each([
    ['production', () => production],
    ['production with the explorer on', () => productionWithExplorer],
    ['the demo with the explorer off', () => demoWithoutExplorer],
  ])('%s has no such route: 404, nothing minted', async (_name, federation) => {
    for (const method of ['POST', 'GET']) {
      const answer = await ask(federation(), personaBody('citizen'), {}, method);
      expect(answer.status).toBe(404);
      expect(answer.json.token).toBeUndefined();
    }
  });
});
