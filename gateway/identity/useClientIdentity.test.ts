import { UnsecuredJWT } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { postGraphQL } from '../testing/postGraphQL';
import { startTestFederation, type TestFederation } from '../testing/startTestFederation';
import { TEST_AUDIENCE, TEST_ISSUER } from '../testing/testIdentity';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const CITIZEN_ID = '48507120002';
const OFFICIAL = { sub: '38001085718', org: 'tax-board', roles: ['tax-officer'] };
const now = () => Math.floor(Date.now() / 1000);

const WHOAMI = '{ whoami(ms: 0) }';

function whoami(headers: Record<string, string>) {
  return postGraphQL(federation.graphqlUrl, { query: WHOAMI }, headers);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('a request with a valid token', () => {
  test('from a citizen reaches the subgraphs as that citizen', async () => {
    const response = await whoami(bearer(await federation.auth.tokenFor({ sub: CITIZEN_ID })));
    expect(response.body).toEqual({ data: { whoami: `citizen:${CITIZEN_ID}/-` } });
  });

  test('from an organisation member carries organisation and roles', async () => {
    const response = await whoami({
      ...bearer(await federation.auth.tokenFor(OFFICIAL)),
      'x-purpose': 'tax-audit',
      'x-case-id': 'AUDIT 2026/17',
    });

    expect(response.body).toEqual({
      data: { whoami: 'organisation:38001085718:tax-board/tax-audit' },
    });
    expect(federation.population.requests.at(-1)?.identity).toMatchObject({
      caller: { kind: 'organisation', roles: ['tax-officer'] },
      purpose: 'tax-audit',
      caseId: 'AUDIT 2026/17',
    });
  });

  test('expired less than 30 seconds ago is still accepted (clock skew)', async () => {
    const token = await federation.auth.tokenFor({ ...OFFICIAL, exp: now() - 20 });
    expect((await whoami(bearer(token))).status).toBe(200);
  });

  test('is not needed: without one the caller is public', async () => {
    expect((await whoami({})).body).toEqual({ data: { whoami: 'public/-' } });
  });
});

describe('a bad token is refused with 401 before anything runs', () => {
  const otherKey = generateKeyPairSync('ed25519').privateKey;
  const cases: [string, () => Promise<string>, RegExp][] = [
    [
      'signed by another key',
      () => federation.auth.tokenFor(OFFICIAL, { key: otherKey }),
      /not signed by a key of the trusted provider/,
    ],
    ['expired', () => federation.auth.tokenFor({ ...OFFICIAL, exp: now() - 120 }), /has expired/],
    [
      'unsigned (alg none)',
      async () =>
        new UnsecuredJWT(OFFICIAL)
          .setIssuer(TEST_ISSUER)
          .setAudience(TEST_AUDIENCE)
          .setExpirationTime('1h')
          .encode(),
      /algorithm that is not accepted/,
    ],
    [
      'for another audience',
      () => federation.auth.tokenFor({ ...OFFICIAL, aud: 'another-service' }),
      /not meant for this service/,
    ],
    [
      'from another issuer',
      () => federation.auth.tokenFor({ ...OFFICIAL, iss: 'https://evil.example' }),
      /not issued by the trusted provider/,
    ],
    [
      'without an expiry',
      () => federation.auth.tokenFor({ ...OFFICIAL, exp: undefined }),
      /invalid "exp" claim/,
    ],
    ['garbage', async () => 'not.a.jwt', /not a valid signed JWT/],
    [
      'without org, whose subject is not a national ID',
      () => federation.auth.tokenFor({ sub: 'someone' }),
      /subject is not a national ID/,
    ],
    [
      'with roles that are not a list',
      () => federation.auth.tokenFor({ ...OFFICIAL, roles: 'admin' }),
      /"roles" must be a list/,
    ],
  ];

  test.each(cases)('%s', async (_case, token, message) => {
    const before = federation.population.requests.length;

    const response = await whoami(bearer(await token()));

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      { message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(federation.population.requests.length).toBe(before);
  });

  test('an Authorization header of another scheme', async () => {
    const response = await whoami({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  test('and the gateway keeps serving', async () => {
    expect((await whoami({})).status).toBe(200);
  });
});

describe('declared purpose and case', () => {
  test.each([
    ['x-purpose', 'Benefit Eligibility'],
    ['x-purpose', 'a'.repeat(65)],
    ['x-purpose', 'tax_audit'],
    ['x-case-id', 'c'.repeat(129)],
    ['x-request-id', 'r'.repeat(129)],
  ])('a malformed %s is refused with 400', async (header, value) => {
    const response = await whoami({ [header]: value });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: expect.stringContaining(header),
        extensions: { code: 'BAD_USER_INPUT', header },
      },
    ]);
  });
});

describe('a role claim its organisation may not hold is refused with 403 before anything runs', () => {
  test.each([
    [
      'governance-admin claimed by a tax officer',
      { ...OFFICIAL, roles: ['tax-officer', 'governance-admin'] },
      'The access token claims roles that tax-board may not hold: governance-admin (held only by information-system-authority)',
    ],
    [
      'data-controller claimed by a bank',
      { sub: 'loan-service', org: 'demo-bank', roles: ['data-controller'] },
      'The access token claims roles that demo-bank may not hold: data-controller (held only by population-register, tax-board, social-insurance, health-board, transport-authority, business-register, information-system-authority)',
    ],
    [
      'a role the gateway does not know',
      { ...OFFICIAL, roles: ['root'] },
      'The access token claims roles that tax-board may not hold: root (not a role of this gateway)',
    ],
  ])('%s', async (_what, claims, message) => {
    const before = federation.population.requests.length;
    const response = await whoami(bearer(await federation.auth.tokenFor(claims)));
    expect(response.status).toBe(403);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message,
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
    expect(response.body.data ?? null).toBeNull();
    expect(federation.population.requests.length).toBe(before);
  });

  test('the same roles are accepted from the organisations that may hold them', async () => {
    const steward = {
      sub: '38312010990',
      org: 'information-system-authority',
      roles: ['governance-admin', 'data-controller'],
    };
    const response = await whoami(bearer(await federation.auth.tokenFor(steward)));
    expect(response.status).toBe(200);
    expect(federation.population.requests.at(-1)?.identity).toMatchObject({
      caller: {
        organisation: 'information-system-authority',
        roles: ['governance-admin', 'data-controller'],
      },
    });
  });
});
