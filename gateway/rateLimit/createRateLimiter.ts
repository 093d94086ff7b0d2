import { Redis } from 'ioredis';
import type { GatewayTokenSecret } from '../../platform/identity/gatewayTokenKeys';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../../platform/logging/logger';
import { createCounterKeys } from './counterKeys';
import type { RateCounter } from './rateCounters';
import type { Rate, RateBucket, RateLimits, SharedRateStore } from './rateLimits';

/** Why a request was refused: the limit it went over and when to try again. */
export interface RateRefusal {
  bucket: RateBucket;
  rate: Rate;
  retryAfterSeconds: number;
}

/** Counts requests against the limits of their callers. */
export interface RateLimiter {
  /** Counts one request on each counter; the refusal of a counter over its limit, if any. */
  consume(counters: readonly RateCounter[]): Promise<RateRefusal | undefined>;
  /**
   * Resolves once the first connection to the shared store is made or has failed (the replica
   * then counts in memory until it answers), so that early requests are not counted apart.
   */
  connected(): Promise<void>;
  /** Closes the connection to the shared store, if there is one. */
  close(): Promise<void>;
}

type Store = RateLimiterRedis | RateLimiterMemory;

/** One limit: its rate, its counters in Redis if shared, and those of this replica. */
interface Limit {
  bucket: RateBucket;
  rate: Rate;
  shared?: RateLimiterRedis;
  local: RateLimiterMemory;
}

interface Count {
  limit: Limit;
  key: string;
  store: Store;
  admitted: boolean;
  result: RateLimiterRes;
}

/**
 * Rate limits as fixed windows counted by rate-limiter-flexible: in Redis, shared by every
 * replica, when `limits.store` is given, else in this replica's memory. The counters of one
 * request go to Redis in one round trip (ioredis pipelines the commands of one tick). When
 * Redis does not answer (down, or slower than `timeoutMs`), each replica counts in its own
 * memory against the same limits, logs it once, and logs again when Redis is back: requests
 * go on being limited, if per replica. A request refused by one counter is taken back from
 * the others, so that a client over its limit does not use up its organisation's.
 */
export function createRateLimiter(
  limits: RateLimits,
  options: { logger: Logger; keySecret: GatewayTokenSecret },
): RateLimiter {
  const { logger } = options;
  const keyOf = createCounterKeys(options.keySecret);
  const store = limits.store;
  const redis = store ? connectRedis(store, (error) => degraded(error)) : undefined;
  const connected = new Promise<void>((resolve) => {
    if (!redis) return resolve();
    redis.once('ready', () => resolve());
    redis.once('error', () => resolve());
    redis.once('end', () => resolve());
  });

  let degradedSince: number | undefined;
  function degraded(error?: unknown) {
    if (degradedSince !== undefined) return;
    degradedSince = Date.now();
    logger.warn(
      { err: error, redis: store && redactedUrl(store.redisUrl) },
      'rate limits: Redis does not answer; each replica counts in its own memory until it does',
    );
  }
  function answered() {
    if (degradedSince === undefined) return;
    logger.info(
      { afterMs: Date.now() - degradedSince },
      'rate limits: Redis answers again; counts are shared',
    );
    degradedSince = undefined;
  }

  const limitOf = (bucket: RateBucket, rate: Rate): Limit => {
    const common = {
      keyPrefix: `${store?.keyPrefix ?? 'local'}:${bucket}`,
      points: rate.requests,
      duration: rate.windowSeconds,
    };
    return {
      bucket,
      rate,
      local: new RateLimiterMemory(common),
      ...(redis
        ? {
            shared: new RateLimiterRedis({
              ...common,
              storeClient: redis,
              // Answer from memory at once while disconnected, not after a timeout.
              rejectIfRedisNotReady: true,
              // A counter over its limit is refused from memory until its window ends, so a
              // caller hammering past its limit costs Redis nothing more.
              inMemoryBlockOnConsumed: rate.requests + 1,
            }),
          }
        : {}),
    };
  };
  const byBucket = {
    public: limitOf('public', limits.public),
    citizen: limitOf('citizen', limits.citizen),
    client: limitOf('client', limits.client),
    organisation: limitOf('organisation', limits.organisation),
  } satisfies Record<RateBucket, Limit>;
  const byOrganisation = new Map(
    [...limits.organisations].map(([organisation, rate]) => [
      organisation,
      limitOf('organisation', rate),
    ]),
  );

  async function count(limit: Limit, key: string): Promise<Count> {
    if (limit.shared) {
      try {
        const result = await limit.shared.consume(key);
        answered();
        return { limit, key, store: limit.shared, admitted: true, result };
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          answered();
          return { limit, key, store: limit.shared, admitted: false, result: error };
        }
        degraded(error);
      }
    }
    try {
      return {
        limit,
        key,
        store: limit.local,
        admitted: true,
        result: await limit.local.consume(key),
      };
    } catch (error) {
      if (error instanceof RateLimiterRes)
        return { limit, key, store: limit.local, admitted: false, result: error };
      throw error;
    }
  }

  return {
    async consume(counters) {
      // Every count starts in this tick, so that ioredis sends them in one pipeline.
      const counts = await Promise.all(
        counters.map((counter) =>
          count(
            (counter.bucket === 'organisation' && byOrganisation.get(counter.id)) ||
              byBucket[counter.bucket],
            keyOf(counter),
          ),
        ),
      );
      const refused = counts.filter((c) => !c.admitted);
      if (refused.length === 0) return undefined;
      for (const c of counts) {
        // Not awaited: the refusal need not wait for the counts it takes back.
        if (c.admitted) c.store.reward(c.key, 1).catch(() => {});
      }
      const longest = refused.reduce((a, b) =>
        b.result.msBeforeNext > a.result.msBeforeNext ? b : a,
      );
      return {
        bucket: longest.limit.bucket,
        rate: longest.limit.rate,
        retryAfterSeconds: Math.max(1, Math.ceil(longest.result.msBeforeNext / 1000)),
      };
    },
    connected: () => connected,
    async close() {
      if (!redis) return;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function connectRedis(store: SharedRateStore, onError: (error: unknown) => void): Redis {
  const redis = new Redis(store.redisUrl, {
    // Commands of one tick go out as one pipeline: one round trip for a request's counters.
    enableAutoPipelining: true,
    // Never queue counts while disconnected or retry them: the replica's memory answers.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: store.timeoutMs,
    connectTimeout: 2_000,
    // Reconnect for as long as it takes, at most every two seconds.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  redis.on('error', onError);
  return redis;
}

/** The URL without its password, for the log. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis';
  }
}
