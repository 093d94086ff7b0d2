import { SignJWT } from 'jose';
import { randomUUID, type KeyObject } from 'node:crypto';
import {
  bodyHash,
  GATEWAY_TOKEN_ALGORITHM,
  GATEWAY_TOKEN_ISSUER,
  GATEWAY_TOKEN_LIFETIME_SECONDS,
  GATEWAY_TOKEN_TYPE,
  identityClaims,
} from './gatewayToken';
import type { RequestIdentity } from './RequestIdentity';

export interface GatewayTokenRequest {
  identity: RequestIdentity;
  /** The name of the subgraph the call goes to. */
  audience: string;
  /** The exact HTTP body of the call. */
  body: string | Uint8Array;
  /** The gateway's Ed25519 private key. */
  key: KeyObject;
}

/** Mints the token for one gateway-to-subgraph call: good for that subgraph and body only. */
export function signGatewayToken(request: GatewayTokenRequest): Promise<string> {
  return new SignJWT({ ...identityClaims(request.identity), bh: bodyHash(request.body) })
    .setProtectedHeader({ alg: GATEWAY_TOKEN_ALGORITHM, typ: GATEWAY_TOKEN_TYPE })
    .setIssuer(GATEWAY_TOKEN_ISSUER)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(`${GATEWAY_TOKEN_LIFETIME_SECONDS}s`)
    .setJti(randomUUID())
    .sign(request.key);
}
