import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCY_NAMES } from '../../platform/agencies';
import {
  deriveGatewayTokenKey,
  gatewayTokenKeyJwk,
  gatewayTokenSecretJwk,
} from '../../platform/identity/gatewayTokenKeys';
import { repoRoot } from '../../platform/repoRoot';
import type { KubernetesObject } from './kustomize';

/** What an operator creates before applying the production overlay (README: Deploying govgraph). */
export const PRODUCTION_OPERATOR_OBJECTS = [
  'ConfigMap/govgraph-role-grants',
  'Secret/govgraph-gateway-token-secret',
  'Secret/govgraph-page-cursor-key',
  'Secret/govgraph-statistics-pseudonym',
  'Secret/govgraph-redis',
  'Secret/govgraph-database-migrate',
  ...AGENCY_NAMES.map((agency) => `Secret/govgraph-gateway-token-${agency}`),
  ...AGENCY_NAMES.map((agency) => `Secret/govgraph-access-log-${agency}`),
  ...AGENCY_NAMES.map((agency) => `Secret/govgraph-database-${agency}`),
];

/** Stand-ins for what the operator creates: fresh keys of the right kind, addresses. */
export function productionOperatorObjects(): KubernetesObject[] {
  const secret = (name: string, stringData: Record<string, string>): KubernetesObject => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name },
    stringData,
  });
  const keyPair = (kid: string) => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return {
      private: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid, alg: 'EdDSA' }),
      public: JSON.stringify({ ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA' }),
    };
  };
  const gatewaySecret = { kid: 'gateway-2026', secret: randomBytes(32) };
  const url = (agency: string) =>
    `postgres://govgraph_${agency}_login:secret@db.example.gov:5432/govgraph`;
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'govgraph-role-grants' },
      data: { 'roles.json': readFileSync(join(repoRoot(), 'demo', 'roles.json'), 'utf8') },
    },
    secret('govgraph-gateway-token-secret', {
      'secret.jwk.json': JSON.stringify(
        gatewayTokenSecretJwk(gatewaySecret.kid, gatewaySecret.secret),
      ),
    }),
    secret('govgraph-page-cursor-key', { key: randomBytes(32).toString('base64url') }),
    secret('govgraph-statistics-pseudonym', {
      'secret.txt': `${randomBytes(32).toString('base64url')}\n`,
    }),
    secret('govgraph-redis', { url: 'rediss://:secret@redis.example.gov:6379' }),
    secret('govgraph-database-migrate', { url: url('migrate') }),
    ...AGENCY_NAMES.flatMap((agency) => [
      secret(`govgraph-gateway-token-${agency}`, {
        'key.jwk.json': JSON.stringify(
          gatewayTokenKeyJwk(deriveGatewayTokenKey(gatewaySecret, agency)),
        ),
      }),
      secret(`govgraph-access-log-${agency}`, {
        'private.jwk.json': keyPair(`access-log-${agency}-2026`).private,
      }),
      secret(`govgraph-database-${agency}`, { url: url(agency) }),
    ]),
  ];
}
