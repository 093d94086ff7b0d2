import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestIdentity } from '../../../platform/identity/RequestIdentity';
import { ed25519PrivateKeyFromJwk } from '../../../platform/identity/ed25519Keys';
import { GATEWAY_TOKEN_HEADER } from '../../../platform/identity/gatewayToken';
import { signGatewayToken } from '../../../platform/identity/signGatewayToken';
import { repoRoot } from '../../../platform/repoRoot';
import type { GraphQLResponse } from '../../../gateway/testing/postGraphQL';

// The demo gateway key, which the subgraph processes trust (demo/keys/README.md).
const gatewayKey = ed25519PrivateKeyFromJwk(
  JSON.parse(
    readFileSync(join(repoRoot(), 'demo', 'keys', 'gateway-signing.private.jwk.json'), 'utf8'),
  ),
);

/** Posts a request straight to one subgraph process, signed as the gateway signs its calls. */
export async function askSubgraph(
  url: string,
  audience: string,
  request: { query: string; variables?: Record<string, unknown> },
  identity: RequestIdentity,
): Promise<GraphQLResponse> {
  const body = JSON.stringify(request);
  const token = await signGatewayToken({ identity, audience, body, key: gatewayKey });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: token },
    body,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse['body'],
  };
}
