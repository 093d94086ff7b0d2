import { SignJWT, UnsecuredJWT } from 'jose';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  DEMO_IDENTITY_PROVIDER,
  demoIdentityPrivateKey,
} from '../demo/identity/demoIdentityProvider';
import { PERSONAS } from '../demo/identity/personas';
import { SHOWCASE } from '../demo/showcase';
import type { RequestIdentity } from '../platform/identity/RequestIdentity';
import { startTestFederation, type TestFederation } from './support/testFederation';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const ME = '{ me { givenName familyName } }';
const CASEWORKER = PERSONAS.caseworker.claims;

/** A token with the demo provider's issuer and audience, signed as the test chooses. */
function demoToken(
  claims: Record<string, unknown>,
  {
    key = demoIdentityPrivateKey(),
    exp = '1h',
    audience = DEMO_IDENTITY_PROVIDER.audience,
  }: { key?: KeyObject; exp?: string | number; audience?: string } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: DEMO_IDENTITY_PROVIDER.keyId })
    .setIssuer(DEMO_IDENTITY_PROVIDER.issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key);
}

describe('client tokens at the gateway', () => {
  it("answers a citizen's `me` with their own record", async () => {
    const { status, body } = await federation.query(ME, { persona: 'citizen' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ me: { givenName: 'Mari', familyName: 'Tamm' } });
  });

  it('answers `me` for another citizen named by the token', async () => {
    const { body } = await federation.query(ME, {
      persona: 'citizen',
      subject: SHOWCASE.partnerId,
    });
    expect(body.data).toEqual({ me: { givenName: 'Jaan', familyName: 'Tamm' } });
  });

  it('refuses `me` to a caller who is not a citizen', async () => {
    // An organisation that may identify people is told `me` is for citizens; one that may not
    // is refused before anything is looked up.
    const identifying = await federation.query(ME, {
      persona: 'caseworker',
      purpose: 'benefit-eligibility',
    });
    expect(identifying.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(identifying.body.data).toEqual({ me: null });
    const other = await federation.query(ME, { persona: 'caseworker' });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.body.data).toEqual({ me: null });
  });

  const badTokens: [string, () => Promise<string>][] = [
    [
      'signed by another key',
      () => demoToken(CASEWORKER, { key: generateKeyPairSync('ed25519').privateKey }),
    ],
    ['expired', () => demoToken(CASEWORKER, { exp: Math.floor(Date.now() / 1000) - 120 })],
    [
      'unsigned (alg none)',
      async () =>
        new UnsecuredJWT(CASEWORKER)
          .setIssuer(DEMO_IDENTITY_PROVIDER.issuer)
          .setAudience(DEMO_IDENTITY_PROVIDER.audience)
          .setExpirationTime('1h')
          .encode(),
    ],
    ['for another audience', () => demoToken(CASEWORKER, { audience: 'another-service' })],
    ['garbage', async () => 'garbage'],
  ];

  it.each(badTokens)('refuses a token %s with 401 UNAUTHENTICATED', async (_case, token) => {
    const { status, body } = await federation.query(ME, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/^The access token /),
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
  });

  it.each([
    ['a tax officer claiming governance-admin', PERSONAS['tax-officer'].claims, 'governance-admin'],
    ['a bank claiming data-controller', PERSONAS.bank.claims, 'data-controller'],
  ])(
    'refuses %s with 403 FORBIDDEN, and the register is untouched',
    async (_case, claims, role) => {
      const token = await demoToken({ ...claims, roles: [...(claims.roles ?? []), role] });
      const { status, body } = await federation.query(
        `mutation { revokeAgreement(id: "DSA-SIB-TAX-01", reason: "not theirs to end") { status } }`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(status).toBe(403);
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(`may not hold: ${role} (held only by `),
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        }),
      ]);
      const register = await federation.query('{ agreement(id: "DSA-SIB-TAX-01") { status } }');
      expect(register.body.data).toEqual({ agreement: { status: 'ACTIVE' } });
    },
  );

  it('keeps serving after refusing them', async () => {
    const { status, body } = await federation.query(ME, { persona: 'citizen' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuses a malformed x-purpose with 400 BAD_USER_INPUT', async () => {
    const { status, body } = await federation.query(ME, {
      persona: 'citizen',
      purpose: 'Benefit eligibility!',
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', header: 'x-purpose' });
  });
});

describe('subgraphs answer the gateway alone', () => {
  const ENTITIES = JSON.stringify({
    query:
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { benefitClaims { benefit } } } }',
    variables: { r: [{ __typename: 'Person', id: SHOWCASE.nationalId }] },
  });
  const CASEWORKER_REQUEST: RequestIdentity = {
    requestId: 'e2e-1',
    caller: {
      kind: 'organisation',
      subject: CASEWORKER.sub,
      organisation: CASEWORKER.org,
      roles: CASEWORKER.roles,
    },
    purpose: 'benefit-eligibility',
    caseId: null,
  };
  const signedFor = async (body: string) => ({
    'x-gateway-token': await federation.mintGatewayToken('social', body, CASEWORKER_REQUEST),
  });

  /** Expects the subgraph's refusal: 401, UNAUTHENTICATED, and no data. */
  function expectRefused(response: Awaited<ReturnType<TestFederation['postToSubgraph']>>) {
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }],
    });
  }

  it('refuses a query posted straight to a subgraph', async () => {
    const body = JSON.stringify({ query: ME });
    expectRefused(await federation.postToSubgraph('population', body));
  });

  it('refuses _entities and _service without a gateway token', async () => {
    expectRefused(await federation.postToSubgraph('social', ENTITIES));
    expectRefused(
      await federation.postToSubgraph('social', JSON.stringify({ query: '{ _service { sdl } }' })),
    );
  });

  it('refuses _entities with an invalid gateway token', async () => {
    expectRefused(
      await federation.postToSubgraph('social', ENTITIES, { 'x-gateway-token': 'not.a.token' }),
    );
  });

  it('refuses a gateway token minted for one body when sent with another', async () => {
    const minted = await signedFor(JSON.stringify({ query: '{ _service { sdl } }' }));
    const response = await federation.postToSubgraph('social', ENTITIES, minted);
    expectRefused(response);
    expect(response.body.errors?.[0]?.message).toMatch(/another request body/);
  });

  it('refuses a gateway token minted for another subgraph', async () => {
    const minted = {
      'x-gateway-token': await federation.mintGatewayToken('tax', ENTITIES, CASEWORKER_REQUEST),
    };
    expectRefused(await federation.postToSubgraph('social', ENTITIES, minted));
  });

  it('admits a gateway token for its body once, and refuses it when replayed', async () => {
    const minted = await signedFor(ENTITIES);

    const first = await federation.postToSubgraph('social', ENTITIES, minted);
    expect(first.status).toBe(200);
    expect(first.body.errors ?? []).not.toContainEqual(
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }),
    );

    const replayed = await federation.postToSubgraph('social', ENTITIES, minted);
    expectRefused(replayed);
    expect(replayed.body.errors?.[0]?.message).toMatch(/already been used/);
  });

  it('refuses an oversized body with 413 and answers its health check without a token', async () => {
    const huge = JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(1_100_000) });
    const tooLarge = await fetch(federation.subgraphs.social.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await signedFor(huge)) },
      body: huge,
    });
    expect(tooLarge.status).toBe(413);

    const health = await fetch(new URL('/healthcheck', federation.subgraphs.social.url));
    expect(health.status).toBe(200);
  });
});
