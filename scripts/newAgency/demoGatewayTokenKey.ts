import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  deriveGatewayTokenKey,
  gatewayTokenKeyJwk,
  gatewayTokenSecretFromJwk,
} from '../../platform/identity/gatewayTokenKeys';

/**
 * `demo/keys/gateway-token-<agency>.jwk.json` of a new agency: its key for the gateway's tokens,
 * derived from the demo gateway's committed secret, as `npm run gateway-token-key` derives it.
 */
export function demoGatewayTokenKeyFile(root: string, agency: string): string {
  const secretFile = path.join(root, 'demo', 'keys', 'gateway-token.secret.jwk.json');
  const secret = gatewayTokenSecretFromJwk(JSON.parse(readFileSync(secretFile, 'utf8')));
  return `${JSON.stringify(gatewayTokenKeyJwk(deriveGatewayTokenKey(secret, agency)), null, 2)}\n`;
}
