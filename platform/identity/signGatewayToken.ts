import { createHmac, randomUUID } from 'node:crypto';
import {
  bodyHash,
  gatewayTokenHeaderSegment,
  GATEWAY_TOKEN_ISSUER,
  GATEWAY_TOKEN_LIFETIME_SECONDS,
  identityClaims,
} from './gatewayToken';
import type { GatewayTokenKey } from './gatewayTokenKeys';
import type { RequestIdentity } from './RequestIdentity';

export interface GatewayTokenRequest {
  identity: RequestIdentity;
  /** The name of the subgraph the call goes to. */
  audience: string;
  /** The exact HTTP body of the call. */
  body: string | Uint8Array;
  /** The subgraph's key, derived from the gateway's secret (gatewayTokenKeyring). */
  key: GatewayTokenKey;
}

/**
 * Mints the token for one gateway-to-subgraph call: good for that subgraph and body only. A
 * compact JWS, HMAC-SHA256 with the subgraph's own key, so a token for one subgraph is
 * refused by every other (their keys differ, and so does `aud`).
 */
export function signGatewayToken(request: GatewayTokenRequest): Promise<string> {
  if (request.key.audience !== request.audience)
    return Promise.reject(
      new TypeError(`a token for ${request.audience} needs its key, not ${request.key.audience}'s`),
    );
  const iat = Math.floor(Date.now() / 1000);
  const payload = Buffer.from(
    JSON.stringify({
      ...identityClaims(request.identity),
      bh: bodyHash(request.body),
      iss: GATEWAY_TOKEN_ISSUER,
      aud: request.audience,
      iat,
      exp: iat + GATEWAY_TOKEN_LIFETIME_SECONDS,
      jti: randomUUID(),
    }),
  ).toString('base64url');
  const input = `${gatewayTokenHeaderSegment(request.key.kid)}.${payload}`;
  const signature = createHmac('sha256', request.key.secret).update(input).digest('base64url');
  return Promise.resolve(`${input}.${signature}`);
}
