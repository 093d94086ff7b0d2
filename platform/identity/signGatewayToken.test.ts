import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { bodyHash } from './gatewayToken';
import { deriveGatewayTokenKey, newGatewayTokenSecret } from './gatewayTokenKeys';
import type { RequestIdentity } from './RequestIdentity';
import { signGatewayToken } from './signGatewayToken';

const secret = newGatewayTokenSecret('gateway-7');
const TAX = deriveGatewayTokenKey(secret, 'tax');
const BODY = '{"query":"{ __typename }"}';
const IDENTITY: RequestIdentity = {
  requestId: 'req-9',
  caller: { kind: 'citizen', subject: '48507120002' },
  purpose: null,
  caseId: null,
};
const mint = (key = TAX, body: string | Uint8Array = BODY) =>
  signGatewayToken({ identity: IDENTITY, audience: 'tax', body, key });

test("a token is a standard HS256 JWT that a JWT library verifies with the subgraph's key", async () => {
  const token = await mint();
  const { payload, protectedHeader } = await jwtVerify(token, TAX.secret, {
    algorithms: ['HS256'],
    typ: 'govgraph-gateway+jwt',
    issuer: 'govgraph-gateway',
    audience: 'tax',
  });
  expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'govgraph-gateway+jwt', kid: 'gateway-7' });
  expect(payload).toMatchObject({ kind: 'citizen', sub: '48507120002', rid: 'req-9' });
  expect(payload.bh).toBe(bodyHash(BODY));
  expect(payload.exp! - payload.iat!).toBe(30);
});

test('every token has its own jti, and a body given as bytes is hashed like the same text', async () => {
  const [a, b] = [decodeJwt(await mint()), decodeJwt(await mint(undefined, Buffer.from(BODY)))];
  expect(a.jti).not.toBe(b.jti);
  expect(a.bh).toBe(b.bh);
  expect(decodeProtectedHeader(await mint()).alg).toBe('HS256');
});

test("each subgraph's key is its own, and one subgraph's key makes no token for another", async () => {
  const population = deriveGatewayTokenKey(secret, 'population');
  expect(population.secret.equals(TAX.secret)).toBe(false);
  expect(deriveGatewayTokenKey(secret, 'tax').secret.equals(TAX.secret)).toBe(true);
  await expect(mint(population)).rejects.toThrow(/needs its key, not population's/);
});

test("a token made with another subgraph's key fails verification", async () => {
  const token = await signGatewayToken({
    identity: IDENTITY,
    audience: 'population',
    body: BODY,
    key: deriveGatewayTokenKey(secret, 'population'),
  });
  await expect(jwtVerify(token, TAX.secret)).rejects.toThrow(/signature verification failed/);
});
