import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ed25519PrivateKeyFromJwk, ed25519PublicKeyFromJwk } from '../identity/ed25519Keys';
import { repoRoot } from '../repoRoot';
import type { AgencyPublicKeys } from './verifyStatement';
import { createStatementSigner, type StatementSigner } from './signStatement';

/** The committed demo keys (demo/keys/README.md): never trust them outside the demo. */
export function demoKeysDirectory(): string {
  return path.join(repoRoot(), 'demo', 'keys');
}

/** Where an agency's access-log signing key is kept in a keys folder. */
export function accessLogPrivateKeyFile(directory: string, agency: string): string {
  return path.join(directory, `access-log-${agency}.private.jwk.json`);
}

/** Where an agency's access-log public key set is kept in a keys folder. */
export function accessLogPublicKeysFile(directory: string, agency: string): string {
  return path.join(directory, `access-log-${agency}.jwks.json`);
}

/** An agency's signer from its private JWK, which must name its key (`kid`). */
export function signerFromJwk(agency: string, jwk: unknown): StatementSigner {
  const key = ed25519PrivateKeyFromJwk(jwk);
  return createStatementSigner(agency, key, keyIdOf(jwk));
}

/** An agency's public keys from its key set (`{"keys":[...]}`), by key id: old keys stay to verify old statements. */
export function publicKeysFromJwks(jwks: unknown): AgencyPublicKeys {
  const keys = (jwks as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length === 0)
    throw new Error('must be a JSON Web Key Set ({"keys":[...]}) of Ed25519 public keys');
  return new Map(keys.map((jwk: unknown) => [keyIdOf(jwk), ed25519PublicKeyFromJwk(jwk)]));
}

/** Reads an agency's signer from a keys folder (the demo keys by default). */
export function readAccessLogSigner(
  agency: string,
  directory = demoKeysDirectory(),
): StatementSigner {
  return signerFromJwk(agency, readJson(accessLogPrivateKeyFile(directory, agency)));
}

/** Reads an agency's public keys from a keys folder (the demo keys by default). */
export function readAccessLogPublicKeys(
  agency: string,
  directory = demoKeysDirectory(),
): AgencyPublicKeys {
  return publicKeysFromJwks(readJson(accessLogPublicKeysFile(directory, agency)));
}

function keyIdOf(jwk: unknown): string {
  const kid = (jwk as { kid?: unknown })?.kid;
  if (typeof kid !== 'string' || kid === '') throw new Error('the JWK must name its key ("kid")');
  return kid;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the key ${file}: ${(error as Error).message}`, { cause: error });
  }
}
