import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { startTestOpenIdProvider, type TestOpenIdProvider } from './testOpenIdProvider';

let provider: TestOpenIdProvider;
let privateKey: CryptoKey;

beforeAll(async () => {
  provider = await startTestOpenIdProvider({ audience: 'govgraph' });
  const keys = await generateKeyPair('ES256');
  privateKey = keys.privateKey;
  provider.registerConfidentialClient({
    clientId: 'with-secret',
    credential: { secret: 's3cret' },
    claims: { org: 'demo-bank' },
  });
  provider.registerConfidentialClient({
    clientId: 'with-key',
    credential: { publicKey: keys.publicKey },
    claims: { org: 'demo-bank' },
  });
});
afterAll(() => provider.stop());

const token = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${provider.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...form }),
  });

const assertion = (audience: string) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer('with-key')
    .setSubject('with-key')
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('1m')
    .setJti(randomUUID())
    .sign(privateKey);

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

test('a client secret in the form gets a token whose subject is the client', async () => {
  const response = await token({ client_id: 'with-secret', client_secret: 's3cret' });
  expect(response.status).toBe(200);
  const { access_token } = (await response.json()) as { access_token: string };
  expect(decodeJwt(access_token)).toMatchObject({
    iss: provider.issuer,
    aud: 'govgraph',
    sub: 'with-secret',
    client_id: 'with-secret',
    org: 'demo-bank',
  });
  expect(provider.clientCredentialsGrants.at(-1)?.method).toBe('client_secret_post');
});

test('an unknown client, a wrong secret or no proof at all gets invalid_client', async () => {
  const forms: Record<string, string>[] = [
    { client_id: 'nobody', client_secret: 's3cret' },
    { client_id: 'with-secret', client_secret: 'guess' },
    { client_id: 'with-secret' },
    // A client registered with a key cannot fall back to a secret.
    { client_id: 'with-key', client_secret: 's3cret' },
  ];
  for (const form of forms) {
    const response = await token(form);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_client' });
  }
});

test('a signed assertion gets a token once: the same assertion again is refused', async () => {
  const signed = await assertion(provider.issuer);
  const form = {
    client_id: 'with-key',
    client_assertion_type: JWT_BEARER,
    client_assertion: signed,
  };
  expect((await token(form)).status).toBe(200);
  expect((await token(form)).status).toBe(401);
});

test('an assertion for another audience is refused', async () => {
  const response = await token({
    client_id: 'with-key',
    client_assertion_type: JWT_BEARER,
    client_assertion: await assertion('https://elsewhere.example'),
  });
  expect(response.status).toBe(401);
});

test('without a user, nobody signs in at the authorization endpoint', async () => {
  provider.register({ clientId: 'explorer', redirectUri: 'http://127.0.0.1/back' });
  const response = await fetch(
    `${provider.issuer}/authorize?client_id=explorer&redirect_uri=${encodeURIComponent('http://127.0.0.1/back')}&response_type=code&scope=openid&code_challenge=x&code_challenge_method=S256`,
    { redirect: 'manual' },
  );
  expect(response.status).toBe(400);
});
