import { createHmac, hkdfSync } from 'node:crypto';
import type { GatewayTokenSecret } from '../../platform/identity/gatewayTokenKeys';
import type { RateCounter } from './rateCounters';

/** The key a counter is stored under, within its bucket. */
export type CounterKeyOf = (counter: RateCounter) => string;

/**
 * Counter keys name no person: addresses, national IDs and client subjects are replaced by a
 * keyed hash (HMAC-SHA-256 under a key derived from the gateway's token secret, which every
 * replica holds), so whoever reads the shared Redis learns nothing about who made requests. A
 * plain hash would not do: national IDs are few enough to try them all. Organisation codes are
 * public and stay readable for operators.
 */
export function createCounterKeys(secret: GatewayTokenSecret): CounterKeyOf {
  // No salt, unlike the subgraphs' keys: the two derivations never meet.
  const key = Buffer.from(
    hkdfSync('sha256', secret.secret, '', 'govgraph rate-limit counters', 32),
  );
  return (counter) =>
    counter.bucket === 'organisation'
      ? counter.id
      : createHmac('sha256', key).update(counter.id).digest('base64url').slice(0, 22);
}
