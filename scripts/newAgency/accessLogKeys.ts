import { generateKeyPairSync } from 'node:crypto';

/** A new demo key pair for an agency's access log, as the files demo/keys holds them. */
export interface AccessLogKeyFiles {
  /** `access-log-<agency>.private.jwk.json`: the agency's signing key. */
  privateJwk: string;
  /** `access-log-<agency>.jwks.json`: its public key set, for audit:verify. */
  publicJwks: string;
}

/** Makes an Ed25519 key pair named `demo-access-log-<agency>-1`, as demo/keys/README.md describes. */
export function newAccessLogKeyFiles(agency: string): AccessLogKeyFiles {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const named = { kid: `demo-access-log-${agency}-1`, alg: 'EdDSA', use: 'sig' };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    privateJwk: json({ ...privateKey.export({ format: 'jwk' }), ...named }),
    publicJwks: json({ keys: [{ ...publicKey.export({ format: 'jwk' }), ...named }] }),
  };
}
