import { SignJWT } from 'jose';
import { deriveGatewayTokenKey, newGatewayTokenSecret } from './gatewayTokenKeys';
import type { RequestIdentity } from './RequestIdentity';
import { signGatewayToken } from './signGatewayToken';
import { createGatewayTokenVerifier, GatewayTokenError } from './verifyGatewayToken';

const secret = newGatewayTokenSecret('test-1');
const KEY = deriveGatewayTokenKey(secret, 'population');
/** A key of the same name and subgraph, from another secret. */
const otherKey = () => deriveGatewayTokenKey(newGatewayTokenSecret('test-1'), 'population');
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

const verify = createGatewayTokenVerifier({ keys: [KEY], audience: 'population' });
const mint = (overrides: Partial<Parameters<typeof signGatewayToken>[0]> = {}) =>
  signGatewayToken({
    identity: IDENTITY,
    audience: 'population',
    body: BODY,
    key: KEY,
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

test('while keys rotate, tokens made with either key are accepted, and no other', async () => {
  const next = deriveGatewayTokenKey(newGatewayTokenSecret('test-2'), 'population');
  const rotating = createGatewayTokenVerifier({ keys: [KEY, next], audience: 'population' });
  for (const key of [KEY, next])
    expect((await rotating(await mint({ key }), bytes(BODY))).identity).toEqual(IDENTITY);
  await expect(rotating(await mint({ key: otherKey() }), bytes(BODY))).rejects.toThrow(
    /signature verification failed/,
  );
});

test("a subgraph given another subgraph's key, or none, does not start", () => {
  const taxKey = deriveGatewayTokenKey(secret, 'tax');
  expect(() => createGatewayTokenVerifier({ keys: [taxKey], audience: 'population' })).toThrow(
    /was given the gateway-token key of tax/,
  );
  expect(() => createGatewayTokenVerifier({ keys: [], audience: 'population' })).toThrow(
    /needs a gateway-token key/,
  );
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
  [
    'a token for another subgraph, made with its key',
    () => mint({ audience: 'tax', key: deriveGatewayTokenKey(secret, 'tax') }),
    BODY,
    /signature verification failed/,
  ],
  [
    "a token naming another subgraph, made with this one's key",
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'HS256', typ: 'govgraph-gateway+jwt', kid: 'test-1' })
        .setIssuer('govgraph-gateway')
        .setAudience('tax')
        .setIssuedAt()
        .setExpirationTime('30s')
        .setJti('j')
        .sign(KEY.secret),
    BODY,
    /"aud"/,
  ],
  [
    'a token signed by another key',
    () => mint({ key: otherKey() }),
    BODY,
    /signature verification failed/,
  ],
  [
    'a token of another type signed by the same key',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('govgraph-gateway')
        .setAudience('population')
        .setIssuedAt()
        .setExpirationTime('30s')
        .setJti('j')
        .sign(KEY.secret),
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
        .setProtectedHeader({ alg: 'HS256', typ: 'govgraph-gateway+jwt', kid: 'other' })
        .setIssuer('govgraph-gateway')
        .setAudience('population')
        .setIssuedAt()
        .setExpirationTime('30s')
        .setJti('j')
        .sign(KEY.secret),
    BODY,
    /not a gateway token/,
  ],
  [
    'an expired token',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'HS256', typ: 'govgraph-gateway+jwt', kid: 'test-1' })
        .setIssuer('govgraph-gateway')
        .setAudience('population')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 30)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
        .setJti('j')
        .sign(KEY.secret),
    BODY,
    /"exp" has passed/,
  ],
  [
    'a token from the future',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'HS256', typ: 'govgraph-gateway+jwt', kid: 'test-1' })
        .setIssuer('govgraph-gateway')
        .setAudience('population')
        .setIssuedAt(Math.floor(Date.now() / 1000) + 60)
        .setExpirationTime(Math.floor(Date.now() / 1000) + 90)
        .setJti('j')
        .sign(KEY.secret),
    BODY,
    /"iat" is in the future/,
  ],
  [
    'a token of another issuer',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'HS256', typ: 'govgraph-gateway+jwt', kid: 'test-1' })
        .setIssuer('someone-else')
        .setAudience('population')
        .setIssuedAt()
        .setExpirationTime('30s')
        .setJti('j')
        .sign(KEY.secret),
    BODY,
    /malformed claims/,
  ],
  [
    'a long-lived token',
    () =>
      new SignJWT({ kind: 'public', rid: 'r', bh: 'x' })
        .setProtectedHeader({ alg: 'HS256', typ: 'govgraph-gateway+jwt', kid: 'test-1' })
        .setIssuer('govgraph-gateway')
        .setAudience('population')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime('1d')
        .setJti('j')
        .sign(KEY.secret),
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
      keys: [KEY],
      audience: 'population',
      sharedReplays: shared.guard,
    });
    const replicaB = createGatewayTokenVerifier({
      keys: [KEY],
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
      keys: [KEY],
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
      keys: [KEY],
      audience: 'population',
      sharedReplays: shared.guard,
    });
    await expect(replica(await mint({ key: otherKey() }), bytes(BODY))).rejects.toThrow(
      GatewayTokenError,
    );
    const taxKey = deriveGatewayTokenKey(secret, 'tax');
    await expect(
      replica(await mint({ audience: 'tax', key: taxKey }), bytes(BODY)),
    ).rejects.toThrow(GatewayTokenError);
    await expect(replica(await mint(), bytes('{}'))).rejects.toThrow(GatewayTokenError);
    expect(shared.asked).toEqual([]);
  });
});
