import { type CryptoKey, type JWK, jwtVerify, type KeyObject, SignJWT } from 'jose';
import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A client registered at the test provider: a public client, so PKCE is its only proof. */
export interface TestOpenIdClient {
  clientId: string;
  redirectUri: string;
}

/**
 * A confidential client (a partner system) registered for the client credentials grant. It proves
 * itself with a shared secret (`client_secret_basic` or `client_secret_post`) or with a JWT signed
 * by its private key (`private_key_jwt`, RFC 7523), as a real provider's clients do.
 */
export interface TestConfidentialClient {
  clientId: string;
  credential: { secret: string } | { publicKey: CryptoKey | KeyObject | JWK };
  /** Claims of its access tokens besides `sub` and `client_id`, which are its client id (RFC 9068). */
  claims: Record<string, unknown>;
}

/** How a client authenticated at the token endpoint. */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

/** One client credentials grant at the token endpoint, as the provider saw it. */
export interface ClientCredentialsGrant {
  clientId: string;
  method: ClientAuthMethod | 'none';
  outcome: 'issued' | 'refused';
}

/** What one code exchange at the token endpoint was, as the provider saw it. */
export interface TokenExchange {
  clientId: string;
  /** Whether the code verifier hashed (S256) to the challenge the authorization request sent. */
  verifierMatched: boolean;
  outcome: 'issued' | 'refused';
}

export interface TestOpenIdProvider {
  issuer: string;
  jwksUrl: string;
  /** Every code exchange, in order. */
  exchanges: TokenExchange[];
  /** Every client credentials grant, in order. */
  clientCredentialsGrants: ClientCredentialsGrant[];
  /** Registers a client (its redirect URI is often known only once its server listens). */
  register(client: TestOpenIdClient): void;
  /** Registers a confidential client for the client credentials grant. */
  registerConfidentialClient(client: TestConfidentialClient): void;
  stop(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | null;
}

/**
 * A minimal OpenID provider for tests: discovery, an authorization endpoint that signs in one
 * configured user at once (no login form), a token endpoint that exchanges a code once and only
 * with the PKCE verifier of its challenge (S256), or that grants confidential clients a token for
 * their client credentials, and its key set. The access token is a JWT for
 * `audience` carrying the user's claims, as a gateway verifies it; the ID token carries the
 * nonce, for the client. Every answer allows any origin, as a provider does for browser clients.
 */
export async function startTestOpenIdProvider(options: {
  /** The `aud` of the access tokens: the gateway's. */
  audience: string;
  /** Who signs in: `sub` and any claims (org, roles, name); without one, nobody can sign in. */
  user?: Record<string, unknown> & { sub: string };
}): Promise<TestOpenIdProvider> {
  const keys = generateKeyPairSync('ed25519');
  const jwk = { ...keys.publicKey.export({ format: 'jwk' }), kid: 'test-op-1', alg: 'EdDSA' };
  const codes = new Map<string, PendingCode>();
  const clients = new Map<string, TestOpenIdClient>();
  const exchanges: TokenExchange[] = [];
  const confidentialClients = new Map<string, TestConfidentialClient>();
  const clientCredentialsGrants: ClientCredentialsGrant[] = [];
  const usedAssertionIds = new Set<string>();
  let issuer = '';

  const sign = (claims: Record<string, unknown>, audience: string, lifetime: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: jwk.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${lifetime}s`)
      .setJti(randomUUID())
      .sign(keys.privateKey);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', issuer);
    response.setHeader('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type, accept, dpop',
      });
      return void response.end();
    }
    const json = (status: number, body: unknown) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'client_credentials'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: [
          'none',
          'client_secret_basic',
          'client_secret_post',
          'private_key_jwt',
        ],
        token_endpoint_auth_signing_alg_values_supported: ['EdDSA', 'ES256', 'RS256'],
        id_token_signing_alg_values_supported: ['EdDSA'],
        subject_types_supported: ['public'],
        scopes_supported: ['openid', 'profile'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize' && request.method === 'GET') {
      const query = url.searchParams;
      const client = clients.get(query.get('client_id') ?? '');
      if (!client || query.get('redirect_uri') !== client.redirectUri || !options.user)
        return json(400, {
          error: 'invalid_request',
          error_description: 'unknown client or redirect URI',
        });
      const back = new URL(client.redirectUri);
      const state = query.get('state');
      if (state !== null) back.searchParams.set('state', state);
      const challenge = query.get('code_challenge');
      if (
        query.get('response_type') !== 'code' ||
        query.get('code_challenge_method') !== 'S256' ||
        !challenge ||
        !(query.get('scope') ?? '').split(' ').includes('openid')
      ) {
        back.searchParams.set('error', 'invalid_request');
        back.searchParams.set(
          'error_description',
          'code flow with S256 PKCE and the openid scope only',
        );
      } else {
        const code = randomBytes(24).toString('base64url');
        codes.set(code, {
          clientId: client.clientId,
          redirectUri: client.redirectUri,
          codeChallenge: challenge,
          nonce: query.get('nonce'),
        });
        back.searchParams.set('code', code);
      }
      response.writeHead(302, { location: back.toString() });
      return void response.end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      const form = new URLSearchParams(await readBody(request));
      if (form.get('grant_type') === 'client_credentials') {
        const { client, method } = await authenticateClient(request, form);
        clientCredentialsGrants.push({
          clientId: client?.clientId ?? form.get('client_id') ?? '',
          method,
          outcome: client ? 'issued' : 'refused',
        });
        if (!client) return json(401, { error: 'invalid_client' });
        const lifetime = 600;
        return json(200, {
          token_type: 'Bearer',
          expires_in: lifetime,
          access_token: await sign(
            { ...client.claims, sub: client.clientId, client_id: client.clientId },
            options.audience,
            lifetime,
          ),
        });
      }
      const user = options.user;
      const code = form.get('code') ?? '';
      const pending = codes.get(code);
      codes.delete(code);
      const verifier = form.get('code_verifier') ?? '';
      const verifierMatched =
        pending !== undefined &&
        createHash('sha256').update(verifier).digest('base64url') === pending.codeChallenge;
      const valid =
        pending !== undefined &&
        form.get('grant_type') === 'authorization_code' &&
        form.get('client_id') === pending.clientId &&
        form.get('redirect_uri') === pending.redirectUri &&
        verifierMatched;
      exchanges.push({
        clientId: form.get('client_id') ?? '',
        verifierMatched,
        outcome: valid ? 'issued' : 'refused',
      });
      if (!valid || !pending || !user) return json(400, { error: 'invalid_grant' });
      const lifetime = 600;
      return json(200, {
        token_type: 'Bearer',
        expires_in: lifetime,
        scope: 'openid profile',
        access_token: await sign({ ...user }, options.audience, lifetime),
        id_token: await sign(
          {
            sub: user.sub,
            name: user.name,
            ...(pending.nonce ? { nonce: pending.nonce } : {}),
          },
          pending.clientId,
          lifetime,
        ),
      });
    }
    json(404, { error: 'not_found' });
  }

  /** The confidential client a token request authenticates as, or none when its proof fails. */
  async function authenticateClient(
    request: IncomingMessage,
    form: URLSearchParams,
  ): Promise<{ client?: TestConfidentialClient; method: ClientAuthMethod | 'none' }> {
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '');
    if (basic) {
      const [id = '', secret = ''] = Buffer.from(basic[1]!, 'base64')
        .toString('utf8')
        .split(':')
        .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
      return { client: withSecret(id, secret), method: 'client_secret_basic' };
    }
    const assertion = form.get('client_assertion');
    if (assertion !== null) {
      const client = confidentialClients.get(form.get('client_id') ?? '');
      const method = 'private_key_jwt';
      if (
        !client ||
        !('publicKey' in client.credential) ||
        form.get('client_assertion_type') !==
          'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
      )
        return { method };
      try {
        const { payload } = await jwtVerify(assertion, client.credential.publicKey, {
          issuer: client.clientId,
          subject: client.clientId,
          audience: [issuer, `${issuer}/token`],
          requiredClaims: ['exp', 'jti'],
          maxTokenAge: '5m',
        });
        // An assertion is good for one request only.
        if (usedAssertionIds.has(payload.jti!)) return { method };
        usedAssertionIds.add(payload.jti!);
        return { client, method };
      } catch {
        return { method };
      }
    }
    const secret = form.get('client_secret');
    if (secret !== null)
      return {
        client: withSecret(form.get('client_id') ?? '', secret),
        method: 'client_secret_post',
      };
    return { method: 'none' };
  }

  function withSecret(clientId: string, secret: string): TestConfidentialClient | undefined {
    const client = confidentialClients.get(clientId);
    if (!client || !('secret' in client.credential)) return undefined;
    const expected = createHash('sha256').update(client.credential.secret).digest();
    const given = createHash('sha256').update(secret).digest();
    return timingSafeEqual(expected, given) ? client : undefined;
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    exchanges,
    clientCredentialsGrants,
    register: (client) => void clients.set(client.clientId, client),
    registerConfidentialClient: (client) => void confidentialClients.set(client.clientId, client),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
