import { SignJWT } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import type { RequestIdentity } from './RequestIdentity';
import { signGatewayToken } from './signGatewayToken';
import { createGatewayTokenVerifier, GatewayTokenError } from './verifyGatewayToken';

const gateway = generateKeyPairSync('ed25519');
const BODY = '{"query":"{ person(nationalId: \\"48507120002\\") { givenName } }"}';
const IDENTITY: RequestIdentity = {
  requestId: 'req-1',
  caller: {
    kind: 'organisation',
    subject: '47902140990',
    organisation: 'social-insurance',
    roles: ['caseworker'],
  },
  purpose: 'benefit-eligibility',
  caseId: 'CASE-7',
};

const verify = createGatewayTokenVerifier({ publicKey: gateway.publicKey, audience: 'population' });
const mint = (overrides: Partial<Parameters<typeof signGatewayToken>[0]> = {}) =>
  signGatewayToken({
    identity: IDENTITY,
    audience: 'population',
    body: BODY,
    key: gateway.privateKey,
    ...overrides,
  });
const bytes = (text: string) => Buffer.from(text, 'utf8');

async function refusal(token: string | undefined, body = BODY): Promise<string> {
  const error = await verify(token, bytes(body)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof GatewayTokenError)) throw new Error(`accepted or failed oddly: ${error}`);
  return error.message;
}

test('a token for this subgraph and this body yields the identity it carries', async () => {
  expect((await verify(await mint(), bytes(BODY))).identity).toEqual(IDENTITY);
});

test.each<[string, RequestIdentity]>([
  ['a public caller', { requestId: 'r', caller: { kind: 'public' }, purpose: null, caseId: null }],
  [
    'a citizen',
    {
      requestId: 'r',
      caller: { kind: 'citizen', subject: '48507120002' },
      purpose: null,
      caseId: null,
    },
  ],
])('%s round-trips', async (_case, identity) => {
  expect((await verify(await mint({ identity }), bytes(BODY))).identity).toEqual(identity);
});

test('each token is good for one call only', async () => {
  const token = await mint();
  await verify(token, bytes(BODY));
  expect(await refusal(token)).toBe('The gateway token has already been used');
});

test.each<[string, () => Promise<string | undefined>, string, RegExp]>([
  ['no token', async () => undefined, BODY, /carries no gateway token/],
  [
    'a token for another body',
    () => mint(),
    '{"query":"{ people { nodes { id } } }"}',
    /another request body/,
  ],
  ['a token for another subgraph', () => mint({ audience: 'tax' }), BODY, /"aud"/],
  [
    'a token signed by another key',
    () => mint({ key: generateKeyPairSync('ed25519').privateKey }),
    BODY,
    /signature verification failed/,
  ],
  [
    'a token of another type signed by the same key',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setIssuer('govgraph-gateway')
        .setAudience('population')
        .setIssuedAt()
        .setExpirationTime('30s')
        .setJti('j')
        .sign(gateway.privateKey),
    BODY,
    /not a gateway token/,
  ],
  [
    'an unsigned token',
    async () =>
      `${Buffer.from('{"alg":"none","typ":"govgraph-gateway+jwt"}').toString('base64url')}.${(await mint()).split('.')[1]}.`,
    BODY,
    /not a gateway token/,
  ],
  [
    'a token naming a key of its own',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'govgraph-gateway+jwt', kid: 'other' })
        .setIssuer('govgraph-gateway')
        .setAudience('population')
        .setIssuedAt()
        .setExpirationTime('30s')
        .setJti('j')
        .sign(gateway.privateKey),
    BODY,
    /not a gateway token/,
  ],
  [
    'an expired token',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'govgraph-gateway+jwt' })
        .setIssuer('govgraph-gateway')
        .setAudience('population')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 30)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
        .setJti('j')
        .sign(gateway.privateKey),
    BODY,
    /"exp" has passed/,
  ],
  [
    'a token from the future',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'govgraph-gateway+jwt' })
        .setIssuer('govgraph-gateway')
        .setAudience('population')
        .setIssuedAt(Math.floor(Date.now() / 1000) + 60)
        .setExpirationTime(Math.floor(Date.now() / 1000) + 90)
        .setJti('j')
        .sign(gateway.privateKey),
    BODY,
    /"iat" is in the future/,
  ],
  [
    'a token of another issuer',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'govgraph-gateway+jwt' })
        .setIssuer('someone-else')
        .setAudience('population')
        .setIssuedAt()
        .setExpirationTime('30s')
        .setJti('j')
        .sign(gateway.privateKey),
    BODY,
    /malformed claims/,
  ],
  [
    'a long-lived token',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'govgraph-gateway+jwt' })
        .setIssuer('govgraph-gateway')
        .setAudience('population')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime('1d')
        .setJti('j')
        .sign(gateway.privateKey),
    BODY,
    /"iat"/,
  ],
  ['garbage', async () => 'abc', BODY, /not valid/],
])('%s is refused', async (_case, token, body, message) => {
  expect(await refusal(await token(), body)).toMatch(message);
});

test('a citizen whose subject is not a national ID is refused', async () => {
  const token = await mint({
    identity: { ...IDENTITY, caller: { kind: 'citizen', subject: '12345' } },
  });
  expect(await refusal(token)).toBe('The gateway token names no valid caller');
});

describe('with the replicas’ shared record of used tokens', () => {
  /** A shared guard that admits each id once, and notes what it was asked. */
  function recordingGuard() {
    const asked: { id: string; expiresAt: number }[] = [];
    const seen = new Set<string>();
    return {
      asked,
      guard: {
        admit(id: string, expiresAt: number) {
          asked.push({ id, expiresAt });
          const first = !seen.has(id);
          seen.add(id);
          return Promise.resolve(first);
        },
        prune: () => Promise.resolve(),
        stop: () => undefined,
      },
    };
  }
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as {
      jti: string;
      exp: number;
    };

  test('a token another replica already accepted is not admitted', async () => {
    const shared = recordingGuard();
    const replicaA = createGatewayTokenVerifier({
      publicKey: gateway.publicKey,
      audience: 'population',
      sharedReplays: shared.guard,
    });
    const replicaB = createGatewayTokenVerifier({
      publicKey: gateway.publicKey,
      audience: 'population',
      sharedReplays: shared.guard,
    });
    const token = await mint();
    const atA = await replicaA(token, bytes(BODY));
    const atB = await replicaB(token, bytes(BODY));
    expect(atA.identity).toEqual(IDENTITY);
    // Verifying asks nothing: the admission is decided later, once, beside the execution.
    expect(shared.asked).toEqual([]);
    expect(await atA.admission.admitted()).toBe(true);
    expect(await atB.admission.admitted()).toBe(false);
    expect(await atB.admission.admitted()).toBe(false);
    // Remembered until the token's expiry plus the clock tolerance.
    const { jti, exp } = claimsOf(token);
    expect(atA.admission).toMatchObject({ tokenId: jti, expiresAt: exp + 5 });
    expect(shared.asked).toEqual([
      { id: jti, expiresAt: exp + 5 },
      { id: jti, expiresAt: exp + 5 },
    ]);
  });

  test('a decision taken by another statement is not asked of the guard again', async () => {
    const shared = recordingGuard();
    const replica = createGatewayTokenVerifier({
      publicKey: gateway.publicKey,
      audience: 'population',
      sharedReplays: shared.guard,
    });
    const { admission } = await replica(await mint(), bytes(BODY));
    const decision = admission.takeDecision()!;
    expect(admission.takeDecision()).toBeNull();
    const answer = admission.admitted();
    decision.settle(false);
    expect(await answer).toBe(false);
    expect(shared.asked).toEqual([]);
    // A statement that failed may have inserted the id before its answer was lost: the guard
    // records it for the other replicas, and finding it there does not refuse the token here.
    const token = await mint();
    const other = await replica(token, bytes(BODY));
    await shared.guard.admit(claimsOf(token).jti, 0);
    other.admission.takeDecision()!.fallBack();
    expect(await other.admission.admitted()).toBe(true);
    expect(shared.asked.map(({ id }) => id)).toEqual([claimsOf(token).jti, claimsOf(token).jti]);
  });

  test('is asked nothing about a token refused on its own merits', async () => {
    const shared = recordingGuard();
    const replica = createGatewayTokenVerifier({
      publicKey: gateway.publicKey,
      audience: 'population',
      sharedReplays: shared.guard,
    });
    const other = generateKeyPairSync('ed25519');
    await expect(replica(await mint({ key: other.privateKey }), bytes(BODY))).rejects.toThrow(
      GatewayTokenError,
    );
    await expect(replica(await mint({ audience: 'tax' }), bytes(BODY))).rejects.toThrow(
      GatewayTokenError,
    );
    await expect(replica(await mint(), bytes('{}'))).rejects.toThrow(GatewayTokenError);
    expect(shared.asked).toEqual([]);
  });
});
