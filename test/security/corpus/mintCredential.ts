import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  DEMO_IDENTITY_PROVIDER,
  demoIdentityKeySet,
  demoIdentityPrivateKey,
} from '../../../demo/identity/demoIdentityProvider';
import { mintDemoToken } from '../../../demo/identity/mintDemoToken';
import { PERSONAS } from '../../../demo/identity/personas';
import type { Credential, ForgedToken } from './HostileCase';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** The claims of a caseworker's token, which every forgery starts from. */
const CLAIMS = {
  ...PERSONAS.caseworker.claims,
  iss: DEMO_IDENTITY_PROVIDER.issuer,
  aud: DEMO_IDENTITY_PROVIDER.audience,
};

const now = () => Math.floor(Date.now() / 1000);

/** Signs claims with the demo provider's key, or another; jose refuses to sign with `none`. */
function signed(
  claims: Record<string, unknown>,
  key = demoIdentityPrivateKey(),
  kid: string = DEMO_IDENTITY_PROVIDER.keyId,
) {
  return new SignJWT({ jti: randomUUID(), iat: now(), exp: now() + 600, ...claims })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid })
    .sign(key);
}

/** A JWT signed with HMAC-SHA256 under `secret`, written out by hand (jose checks key types). */
function hs256(claims: Record<string, unknown>, secret: string | Buffer): string {
  const header = base64url(
    JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: DEMO_IDENTITY_PROVIDER.keyId }),
  );
  const payload = base64url(JSON.stringify({ iat: now(), exp: now() + 600, ...claims }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${base64url(signature)}`;
}

const FORGERIES: Record<ForgedToken, () => Promise<string> | string> = {
  'alg-none': () =>
    `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(
      JSON.stringify({ ...CLAIMS, exp: now() + 600 }),
    )}.`,
  // Algorithm confusion: the provider's public key, as published, used as an HMAC secret.
  'hs256-public-key': () => hs256(CLAIMS, JSON.stringify(demoIdentityKeySet().keys[0])),
  'wrong-issuer': () => signed({ ...CLAIMS, iss: 'https://idp.attacker.example' }),
  'wrong-audience': () => signed({ ...CLAIMS, aud: 'another-service' }),
  expired: () => signed({ ...CLAIMS, iat: now() - 7200, exp: now() - 3600 }),
  'not-yet-valid': () => signed({ ...CLAIMS, nbf: now() + 3600 }),
  'bad-signature': async () => {
    const [header, payload, signature] = (await signed(CLAIMS)).split('.');
    const forged = base64url(JSON.stringify({ ...CLAIMS, org: 'tax-board', exp: now() + 600 }));
    return `${header}.${forged === payload ? payload : forged}.${signature}`;
  },
  // Signed by a key the provider does not publish, under the provider's key id.
  'unknown-key': () => signed(CLAIMS, generateKeyPairSync('ed25519').privateKey),
  garbage: () => 'not-a-jwt',
  // Properly signed, but the organisation may not hold the role (demo/roles.json).
  'role-not-held': () => signed({ ...CLAIMS, roles: ['governance-admin'] }),
  'unknown-role': () => signed({ ...CLAIMS, roles: ['superuser'] }),
};

/** The bearer token a hostile request carries; null when it sends none (the public persona). */
export async function mintCredential(credential: Credential): Promise<string | null> {
  if ('persona' in credential) return mintDemoToken(credential.persona);
  return FORGERIES[credential.forged]();
}
