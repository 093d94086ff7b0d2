import { type JWTPayload, SignJWT } from 'jose';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { anonymousRequest, type RequestIdentity } from '../../platform/identity/RequestIdentity';
import {
  deriveGatewayTokenKey,
  type GatewayTokenKey,
  type GatewayTokenSecret,
  newGatewayTokenSecret,
} from '../../platform/identity/gatewayTokenKeys';
import { signGatewayToken } from '../../platform/identity/signGatewayToken';
import path from 'node:path';
import { repoRoot } from '../../platform/repoRoot';
import type { ClientTokenOptions } from '../identity/createClientTokenVerifier';
import { readRoleGrants, type RoleGrants } from '../identity/roleGrants';

/** The identity provider and token secret of a gateway under test. */
export interface TestIdentity {
  /** How the gateway under test verifies client tokens. */
  identity: ClientTokenOptions;
  /** The gateway's token secret, and the key each subgraph checks its calls with. */
  tokenSecret: GatewayTokenSecret;
  gatewayTokenKeyFor(subgraph: string): GatewayTokenKey;
  /** A token of the test provider with these claims, issued now and valid for a minute unless `iat` or `exp` is given. */
  tokenFor(claims: JWTPayload, options?: { key?: KeyObject; alg?: string }): Promise<string>;
  /** A gateway token for one call to a subgraph, as the gateway under test would mint it. */
  gatewayTokenFor(subgraph: string, body: string, identity?: RequestIdentity): Promise<string>;
}

export const TEST_ISSUER = 'https://idp.test.govgraph';
export const TEST_AUDIENCE = 'govgraph-test';

/** The demo government's role grants, which the test gateway applies unless given others. */
const DEMO_ROLE_GRANTS = path.join(repoRoot(), 'demo', 'roles.json');

/** A fresh identity provider and gateway token secret for one test gateway. */
export function createTestIdentity(
  roleGrants: RoleGrants = readRoleGrants(DEMO_ROLE_GRANTS),
): TestIdentity {
  const provider = generateKeyPairSync('ed25519');
  const tokenSecret = newGatewayTokenSecret('test-gateway-1');
  const jwk = { ...provider.publicKey.export({ format: 'jwk' }), kid: 'test-1', alg: 'EdDSA' };
  return {
    identity: {
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      keys: { jwks: { keys: [jwk] } },
      roleGrants,
    },
    tokenSecret,
    gatewayTokenKeyFor: (subgraph) => deriveGatewayTokenKey(tokenSecret, subgraph),
    tokenFor(claims, options = {}) {
      return new SignJWT({
        iss: TEST_ISSUER,
        aud: TEST_AUDIENCE,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 60,
        ...claims,
      })
        .setProtectedHeader({ alg: options.alg ?? 'EdDSA', kid: 'test-1' })
        .sign(options.key ?? provider.privateKey);
    },
    gatewayTokenFor(subgraph, body, identity = anonymousRequest('test')) {
      const key = deriveGatewayTokenKey(tokenSecret, subgraph);
      return signGatewayToken({ identity, audience: subgraph, body, key });
    },
  };
}
