import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

/** The Redis the tests count in: the machine's own, unless `TEST_REDIS_URL` names another. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A Redis for one test file: its own key prefix (the server is shared), cleaned up at the end. */
export interface TestRedis {
  url: string;
  /** Unique to this run: every counter of the gateways under test is stored under it. */
  keyPrefix: string;
  /** The keys stored under the prefix. */
  keys(): Promise<string[]>;
  /** Deletes every key under the prefix and disconnects. */
  close(): Promise<void>;
}

/**
 * Connects to the test Redis, or fails at once with a message saying what is missing: a test
 * that needs Redis must not hang, nor pass, without one.
 */
export async function connectTestRedis(): Promise<TestRedis> {
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `These tests need Redis, which is not reachable at ${TEST_REDIS_URL} (${(error as Error).message}): start redis-server, or set TEST_REDIS_URL`,
      { cause: error },
    );
  }
  const keyPrefix = `govgraph-test:${randomUUID()}`;
  const keys = async () => {
    const found: string[] = [];
    for await (const batch of redis.scanStream({ match: `${keyPrefix}:*`, count: 100 }))
      found.push(...(batch as string[]));
    return found;
  };
  return {
    url: TEST_REDIS_URL,
    keyPrefix,
    keys,
    async close() {
      const stored = await keys();
      if (stored.length > 0) await redis.del(...stored);
      await redis.quit();
    },
  };
}
