import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestIdentity } from '../../../platform/identity/RequestIdentity';
import { GATEWAY_TOKEN_HEADER } from '../../../platform/identity/gatewayToken';
import {
  deriveGatewayTokenKey,
  gatewayTokenSecretFromJwk,
} from '../../../platform/identity/gatewayTokenKeys';
import { signGatewayToken } from '../../../platform/identity/signGatewayToken';
import { repoRoot } from '../../../platform/repoRoot';
import type { GraphQLResponse } from '../../../gateway/testing/postGraphQL';

// The demo gateway's token secret, whose keys the subgraph processes hold (demo/keys/README.md).
const gatewaySecret = gatewayTokenSecretFromJwk(
  JSON.parse(
    readFileSync(join(repoRoot(), 'demo', 'keys', 'gateway-token.secret.jwk.json'), 'utf8'),
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
  const key = deriveGatewayTokenKey(gatewaySecret, audience);
  const token = await signGatewayToken({ identity, audience, body, key });
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
