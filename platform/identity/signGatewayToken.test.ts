import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { bodyHash } from './gatewayToken';
import type { RequestIdentity } from './RequestIdentity';
import { signGatewayToken } from './signGatewayToken';

const gateway = generateKeyPairSync('ed25519');
const BODY = '{"query":"{ __typename }"}';
const IDENTITY: RequestIdentity = {
  requestId: 'req-9',
  caller: { kind: 'citizen', subject: '48507120002' },
  purpose: null,
  caseId: null,
};
const mint = (key = gateway.privateKey, body: string | Uint8Array = BODY) =>
  signGatewayToken({ identity: IDENTITY, audience: 'tax', body, key });

test('a token is a standard EdDSA JWT that a JWT library verifies with the public key', async () => {
  const token = await mint();
  const { payload, protectedHeader } = await jwtVerify(token, gateway.publicKey, {
    algorithms: ['EdDSA'],
    typ: 'govgraph-gateway+jwt',
    issuer: 'govgraph-gateway',
    audience: 'tax',
  });
  expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'govgraph-gateway+jwt' });
  expect(payload).toMatchObject({ kind: 'citizen', sub: '48507120002', rid: 'req-9' });
  expect(payload.bh).toBe(bodyHash(BODY));
  expect(payload.exp! - payload.iat!).toBe(30);
});

test('every token has its own jti, and a body given as bytes is hashed like the same text', async () => {
  const [a, b] = [decodeJwt(await mint()), decodeJwt(await mint(undefined, Buffer.from(BODY)))];
  expect(a.jti).not.toBe(b.jti);
  expect(a.bh).toBe(b.bh);
  expect(decodeProtectedHeader(await mint()).alg).toBe('EdDSA');
});

test.each([
  ['a public key', gateway.publicKey],
  ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey],
])('%s cannot sign', async (_case, key) => {
  await expect(mint(key)).rejects.toThrow(/Ed25519 private key/);
});

test('a token signed by another key fails verification', async () => {
  const other = generateKeyPairSync('ed25519');
  await expect(jwtVerify(await mint(other.privateKey), gateway.publicKey)).rejects.toThrow(
    /signature verification failed/,
  );
});
