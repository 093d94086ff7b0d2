import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { JSONWebKeySet } from 'jose';
import type { ClientTokenOptions } from '../../gateway/identity/createClientTokenVerifier';
import { readRoleGrants } from '../../gateway/identity/roleGrants';
import { ed25519PrivateKeyFromJwk } from '../../platform/identity/ed25519Keys';
import { repoRoot } from '../../platform/repoRoot';

/**
 * The demo country's identity provider: a committed key pair that signs the personas' tokens.
 * Demo only: anyone with this repository can mint its tokens.
 */
export const DEMO_IDENTITY_PROVIDER = {
  issuer: 'https://idp.demo.govgraph',
  audience: 'govgraph',
  keyId: 'demo-idp-1',
  /** The public key set a gateway trusts (AUTH_JWKS_FILE). */
  jwksPath: path.join(repoRoot(), 'demo', 'keys', 'demo-idp.jwks.json'),
  privateKeyPath: path.join(repoRoot(), 'demo', 'keys', 'demo-idp.private.jwk.json'),
  /** Which organisations may hold which roles (ROLE_GRANTS_FILE). */
  roleGrantsPath: path.join(repoRoot(), 'demo', 'roles.json'),
} as const;

/** The demo provider's public key set. */
export function demoIdentityKeySet(): JSONWebKeySet {
  return JSON.parse(readFileSync(DEMO_IDENTITY_PROVIDER.jwksPath, 'utf8')) as JSONWebKeySet;
}

/** How a gateway verifies the demo provider's tokens (what `npm start` and the tests use). */
export function demoIdentityOptions(): ClientTokenOptions {
  return {
    issuer: DEMO_IDENTITY_PROVIDER.issuer,
    audience: DEMO_IDENTITY_PROVIDER.audience,
    keys: { jwks: demoIdentityKeySet() },
    roleGrants: readRoleGrants(DEMO_IDENTITY_PROVIDER.roleGrantsPath),
  };
}

let privateKey: KeyObject | undefined;

/** The demo provider's signing key. */
export function demoIdentityPrivateKey(): KeyObject {
  privateKey ??= ed25519PrivateKeyFromJwk(
    JSON.parse(readFileSync(DEMO_IDENTITY_PROVIDER.privateKeyPath, 'utf8')),
  );
  return privateKey;
}
