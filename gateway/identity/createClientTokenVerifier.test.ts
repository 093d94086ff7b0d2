import { GraphQLError } from 'graphql';
import { type JWTPayload, SignJWT } from 'jose';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ClientTokenOptions, createClientTokenVerifier } from './createClientTokenVerifier';
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

function token(key: KeyObject, alg: string, kid: string, claims: JWTPayload = MEMBER) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime('5m')
    .sign(key);
}

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
