import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  deriveGatewayTokenKey,
  gatewayTokenKeyJwk,
  gatewayTokenSecretFromJwk,
  gatewayTokenSecretJwk,
} from '../platform/identity/gatewayTokenKeys';

const USAGE = `usage:
  npm run --silent gateway-token-key -- --new-secret <kid>
      prints a new secret for the gateway (GATEWAY_TOKEN_SECRET_FILE), as a JWK
  npm run --silent gateway-token-key -- <subgraph> --secret-file <file>
      prints that subgraph's key (its GATEWAY_TOKEN_KEY_FILE), derived from the gateway's secret

Each subgraph holds its own key only: give it no other, and never the gateway's secret.
`;

/** `npm run gateway-token-key`: makes the gateway's token secret, or derives a subgraph's key. */
function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        'new-secret': { type: 'string' },
        'secret-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stderr.write(USAGE);
    return 0;
  }
  try {
    if (values['new-secret'] !== undefined && positionals.length === 0) {
      const jwk = gatewayTokenSecretJwk(values['new-secret'], randomBytes(32));
      process.stdout.write(`${JSON.stringify(jwk, null, 2)}\n`);
      return 0;
    }
    const [subgraph, ...extra] = positionals;
    if (subgraph === undefined || extra.length > 0 || values['secret-file'] === undefined) {
      process.stderr.write(USAGE);
      return 2;
    }
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(subgraph))
      throw new Error(`not a subgraph name: ${subgraph} (lower-case letters, digits and "-")`);
    const secret = gatewayTokenSecretFromJwk(
      JSON.parse(readFileSync(values['secret-file'], 'utf8')) as unknown,
    );
    const jwk = gatewayTokenKeyJwk(deriveGatewayTokenKey(secret, subgraph));
    process.stdout.write(`${JSON.stringify(jwk, null, 2)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main();
