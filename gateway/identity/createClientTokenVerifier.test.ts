import { GraphQLError } from 'graphql';
import { type JWTPayload, SignJWT } from 'jose';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ClientTokenOptions,
  type ClientTokenVerifier,
  createClientTokenVerifier,
} from './createClientTokenVerifier';
import { tokenHolder } from './tokenLifetime';
import type { RoleGrants } from './roleGrants';

const ISSUER = 'https://idp.example';
const AUDIENCE = 'govgraph';
const MEMBER = { sub: 'client-1', org: 'demo-bank', roles: ['credit-check'] };

function keyPair(type: 'ed25519' | 'ec' | 'rsa', kid: string) {
  const pair =
    type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : type === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519');
  return { ...pair, jwk: { ...pair.publicKey.export({ format: 'jwk' }), kid } };
}

const ed = keyPair('ed25519', 'ed');
const ec = keyPair('ec', 'ec');
const rsa = keyPair('rsa', 'rsa');
const KEY_SET = { keys: [ed.jwk, ec.jwk, rsa.jwk] };
const otherEd = keyPair('ed25519', 'ed-2');
const ec384 = { privateKey: generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey };

function token(key: KeyObject, alg: string, kid: string | undefined, claims: JWTPayload = MEMBER) {
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 300, ...claims })
    .setProtectedHeader(kid === undefined ? { alg } : { alg, kid })
    .sign(key);
}

const now = () => Math.floor(Date.now() / 1000);

const ROLE_GRANTS: RoleGrants = new Map([
  ['credit-check', new Set(['demo-bank'])],
  ['governance-admin', new Set(['information-system-authority'])],
]);

const options = (overrides: Partial<ClientTokenOptions> = {}): ClientTokenOptions => ({
  issuer: ISSUER,
  audience: AUDIENCE,
  keys: { jwks: KEY_SET },
  roleGrants: ROLE_GRANTS,
  ...overrides,
});

const ORGANISATION_CALLER = {
  kind: 'organisation',
  subject: 'client-1',
  organisation: 'demo-bank',
  roles: ['credit-check'],
};

test.each([
  ['EdDSA', ed.privateKey, 'ed'],
  ['ES256', ec.privateKey, 'ec'],
  ['RS256', rsa.privateKey, 'rsa'],
] as const)('accepts %s by default', async (alg, key, kid) => {
  const verify = createClientTokenVerifier(options());
  expect(await verify(await token(key, alg, kid))).toEqual(ORGANISATION_CALLER);
});

test('accepts only the configured algorithms', async () => {
  const verify = createClientTokenVerifier(options({ algorithms: ['EdDSA'] }));
  await expect(verify(await token(rsa.privateKey, 'RS256', 'rsa'))).rejects.toThrow(
    'The access token is signed with an algorithm that is not accepted',
  );
});

describe('with a JWKS URL', () => {
  let server: Server;
  let url: string;
  let fetched = 0;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      fetched += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(KEY_SET));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('fetches the key set once and verifies with it', async () => {
    const verify = createClientTokenVerifier(options({ keys: { jwksUrl: url } }));
    expect(await verify(await token(ed.privateKey, 'EdDSA', 'ed'))).toEqual(ORGANISATION_CALLER);
    expect(await verify(await token(ec.privateKey, 'ES256', 'ec'))).toEqual(ORGANISATION_CALLER);
    expect(fetched).toBe(1);
  });

  test('refuses a token without kid when the fetched set has several keys', async () => {
    const verify = createClientTokenVerifier(options({ keys: { jwksUrl: url } }));
    expect((await refusalOf(verify, token(ed.privateKey, 'EdDSA', undefined))).message).toBe(
      'The access token names no key ("kid"), and the trusted provider has more than one',
    );
  });

  test('an unreachable key set is a server fault, not the client being unauthenticated', async () => {
    const verify = createClientTokenVerifier(
      options({ keys: { jwksUrl: 'http://127.0.0.1:9/jwks.json' } }),
    );
    const error: unknown = await verify(await token(ed.privateKey, 'EdDSA', 'ed')).catch(
      (thrown: unknown) => thrown,
    );
    expect(String(error)).toMatch(/fetch failed/);
    expect(error).not.toBeInstanceOf(GraphQLError);
  });
});

describe('role claims', () => {
  const refusal = async (claims: JWTPayload) => {
    const verify = createClientTokenVerifier(options());
    const error = await verify(await token(ed.privateKey, 'EdDSA', 'ed', claims)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  };

  test('refuses a role its organisation may not hold, with 403 and FORBIDDEN', async () => {
    const error = await refusal({ sub: 'client-1', org: 'demo-bank', roles: ['governance-admin'] });
    expect(error.message).toBe(
      'The access token claims roles that demo-bank may not hold: governance-admin (held only by information-system-authority)',
    );
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', http: { status: 403 } });
  });

  test('refuses a role no organisation may hold, naming every refused role', async () => {
    const error = await refusal({
      sub: 'client-1',
      org: 'demo-bank',
      roles: ['credit-check', 'superuser', 'governance-admin'],
    });
    expect(error.message).toBe(
      'The access token claims roles that demo-bank may not hold: superuser (not a role of this gateway); governance-admin (held only by information-system-authority)',
    );
  });

  test('accepts the roles an organisation may hold, and none', async () => {
    const verify = createClientTokenVerifier(options());
    const sign = (claims: JWTPayload) => token(ed.privateKey, 'EdDSA', 'ed', claims);
    expect(
      await verify(
        await sign({
          sub: 'steward',
          org: 'information-system-authority',
          roles: ['governance-admin'],
        }),
      ),
    ).toMatchObject({ organisation: 'information-system-authority', roles: ['governance-admin'] });
    expect(await verify(await sign({ sub: 'client-2', org: 'police' }))).toMatchObject({
      roles: [],
    });
  });
});

/** The client error a token is refused with. */
async function refusalOf(
  verify: ClientTokenVerifier,
  token: Promise<string>,
): Promise<GraphQLError> {
  const error: unknown = await verify(await token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof GraphQLError))
    throw new Error(`not refused with a client error: ${String(error)}`);
  expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  return error;
}

describe('token lifetime', () => {
  const CITIZEN = { sub: '48507120002' };
  const CLIENT = { ...MEMBER, sub: 'loan-service', client_id: 'loan-service' };
  const verify = createClientTokenVerifier(options());
  const signed = (claims: JWTPayload) => token(ed.privateKey, 'EdDSA', 'ed', claims);
  const HOUR = 3600;

  test('a token must say when it was issued', async () => {
    const error = await refusalOf(verify, signed({ ...CITIZEN, iat: undefined }));
    expect(error.message).toBe('The access token has an invalid "iat" claim: missing');
  });

  test("a person's token may live 12 hours by default, and no longer", async () => {
    expect(await verify(await signed({ ...CITIZEN, exp: now() + 12 * HOUR }))).toEqual({
      kind: 'citizen',
      subject: CITIZEN.sub,
    });
    const error = await refusalOf(verify, signed({ ...CITIZEN, exp: now() + 12 * HOUR + 1 }));
    expect(error.message).toBe(
      'The access token lives longer than 12 h, the most accepted for a person',
    );
  });

  test("a client's token may live an hour by default, and no longer", async () => {
    expect(await verify(await signed({ ...CLIENT, exp: now() + HOUR }))).toMatchObject({
      subject: 'loan-service',
    });
    const error = await refusalOf(verify, signed({ ...CLIENT, exp: now() + HOUR + 1 }));
    expect(error.message).toBe(
      'The access token lives longer than 1 h, the most accepted for a client',
    );
  });

  test('a token is not accepted once older than the limit, whatever its exp says', async () => {
    const error = await refusalOf(
      verify,
      signed({ ...CLIENT, iat: now() - 2 * HOUR, exp: now() + HOUR }),
    );
    expect(error.message).toBe(
      'The access token was issued more than 1 h ago, the most accepted for a client',
    );
  });

  test('a token issued in the future is refused beyond the clock tolerance', async () => {
    expect(await verify(await signed({ ...CITIZEN, iat: now() + 20 }))).toMatchObject({
      kind: 'citizen',
    });
    const error = await refusalOf(verify, signed({ ...CITIZEN, iat: now() + 60 }));
    expect(error.message).toBe('The access token was issued in the future ("iat")');
  });

  test('the limits are configurable', async () => {
    const strict = createClientTokenVerifier(
      options({ maxLifetimes: { person: 600, client: 60 } }),
    );
    expect((await refusalOf(strict, signed({ ...CITIZEN, exp: now() + 601 }))).message).toBe(
      'The access token lives longer than 600 s, the most accepted for a person',
    );
    expect(await strict(await signed({ ...CLIENT, exp: now() + 60 }))).toMatchObject({
      kind: 'organisation',
    });
  });

  test.each([
    ['a national ID without client_id', { sub: '48507120002' }, 'person'],
    ['a national ID signed in through an app', { sub: '48507120002', client_id: 'app' }, 'person'],
    ['a client whose sub is its client_id', { sub: 'svc', client_id: 'svc' }, 'client'],
    ['a subject that is no national ID', { sub: 'demo-bank-client' }, 'client'],
    [
      'a national ID that is its own client_id',
      { sub: '48507120002', client_id: '48507120002' },
      'client',
    ],
  ])('%s holds a token of a %s', (_case, claims, holder) => {
    expect(tokenHolder(claims)).toBe(holder);
  });
});

describe('audience', () => {
  const verify = createClientTokenVerifier(options());
  const withAudience = (aud: string | string[]) =>
    token(ed.privateKey, 'EdDSA', 'ed', { ...MEMBER, aud });

  test('a token for this gateway alone is accepted, as a string or a list of one', async () => {
    expect(await verify(await withAudience(AUDIENCE))).toEqual(ORGANISATION_CALLER);
    expect(await verify(await withAudience([AUDIENCE]))).toEqual(ORGANISATION_CALLER);
  });

  test('a token for another service is refused', async () => {
    expect((await refusalOf(verify, withAudience('another-service'))).message).toBe(
      'The access token is not meant for this service ("aud")',
    );
  });

  test('a token for this gateway and another service is refused, azp or not', async () => {
    for (const claims of [{}, { azp: 'client-1' }]) {
      const error = await refusalOf(
        verify,
        token(ed.privateKey, 'EdDSA', 'ed', { ...MEMBER, ...claims, aud: [AUDIENCE, 'mail'] }),
      );
      expect(error.message).toBe(
        'The access token is meant for several services ("aud"); it must be issued for govgraph alone',
      );
    }
  });
});

describe('key id and algorithm', () => {
  test('a token without kid is refused when the key set has several keys', async () => {
    const verify = createClientTokenVerifier(options());
    expect((await refusalOf(verify, token(ed.privateKey, 'EdDSA', undefined))).message).toBe(
      'The access token names no key ("kid"), and the trusted provider has more than one',
    );
  });

  test('a token without kid is verified when the key set has one key', async () => {
    const verify = createClientTokenVerifier(options({ keys: { jwks: { keys: [ed.jwk] } } }));
    expect(await verify(await token(ed.privateKey, 'EdDSA', undefined))).toEqual(
      ORGANISATION_CALLER,
    );
    // Still by that key alone.
    expect((await refusalOf(verify, token(otherEd.privateKey, 'EdDSA', undefined))).message).toBe(
      'The access token is not signed by a key of the trusted provider',
    );
  });

  test('a kid that is not in the key set is refused', async () => {
    const verify = createClientTokenVerifier(options());
    expect((await refusalOf(verify, token(otherEd.privateKey, 'EdDSA', 'ed-2'))).message).toBe(
      'The access token is not signed by a key of the trusted provider',
    );
  });

  test.each([
    ['an RSA signature naming the EC key', rsa.privateKey, 'RS256', 'ec'],
    ['an Ed25519 signature naming the RSA key', ed.privateKey, 'EdDSA', 'rsa'],
    ['ES384 naming a P-256 key', ec384.privateKey, 'ES384', 'ec'],
  ])(
    'an algorithm that does not fit the named key is refused: %s',
    async (_case, key, alg, kid) => {
      const verify = createClientTokenVerifier(
        options({ algorithms: ['EdDSA', 'ES256', 'ES384', 'RS256'] }),
      );
      expect((await refusalOf(verify, token(key, alg, kid))).message).toBe(
        'The access token is not signed by a key of the trusted provider',
      );
    },
  );

  test("a key's own alg binds it: RS256 is refused for a key published for PS256", async () => {
    const verify = createClientTokenVerifier(
      options({
        keys: { jwks: { keys: [{ ...rsa.jwk, alg: 'PS256' }] } },
        algorithms: ['RS256', 'PS256'],
      }),
    );
    expect(await verify(await token(rsa.privateKey, 'PS256', 'rsa'))).toEqual(ORGANISATION_CALLER);
    expect((await refusalOf(verify, token(rsa.privateKey, 'RS256', 'rsa'))).message).toBe(
      'The access token is not signed by a key of the trusted provider',
    );
  });
});

describe('a token sent again', () => {
  afterEach(() => jest.useRealTimers());

  test('yields the same caller, and one that no request can change for the next', async () => {
    const verify = createClientTokenVerifier(options());
    const sent = await token(ed.privateKey, 'EdDSA', 'ed');
    const first = await verify(sent);
    const again = await verify(sent);
    expect(again).toEqual(ORGANISATION_CALLER);
    expect(Object.isFrozen(again)).toBe(true);
    expect(() => (again as { roles: string[] }).roles.push('governance-admin')).toThrow();
    expect(first).toEqual(ORGANISATION_CALLER);
  });

  test('is refused once it has expired, though it was accepted a moment before', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const verify = createClientTokenVerifier(options());
    // Expired 25 s ago: still within the 30 s clock tolerance.
    const sent = await token(ed.privateKey, 'EdDSA', 'ed', {
      ...MEMBER,
      iat: now() - 60,
      exp: now() - 25,
    });
    expect(await verify(sent)).toEqual(ORGANISATION_CALLER);
    jest.setSystemTime(Date.now() + 10_000);
    expect((await refusalOf(verify, Promise.resolve(sent))).message).toBe(
      'The access token has expired',
    );
  });

  test('with a role its organisation may not hold is refused every time', async () => {
    const verify = createClientTokenVerifier(options());
    const sent = await token(ed.privateKey, 'EdDSA', 'ed', {
      ...MEMBER,
      roles: ['governance-admin'],
    });
    for (const _ of [1, 2]) {
      const error: unknown = await verify(sent).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  test('altered by one character is verified on its own and refused', async () => {
    const verify = createClientTokenVerifier(options());
    const sent = await token(ed.privateKey, 'EdDSA', 'ed');
    await verify(sent);
    const last = sent.at(-2) === 'A' ? 'B' : 'A';
    const altered = `${sent.slice(0, -2)}${last}${sent.at(-1)}`;
    expect((await refusalOf(verify, Promise.resolve(altered))).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
