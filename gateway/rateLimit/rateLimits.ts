/** So many requests in a fixed window of so many seconds. */
export interface Rate {
  requests: number;
  windowSeconds: number;
}

/** Who a limit counts requests of. */
export type RateBucket = 'public' | 'citizen' | 'client' | 'organisation';

/** Where the counters live, when they are shared between gateway replicas. */
export interface SharedRateStore {
  /** A `redis://` or `rediss://` URL. */
  redisUrl: string;
  /** Prefix of every counter's key, so that several deployments can share one Redis. */
  keyPrefix: string;
  /** How long a count may take before the replica counts in its own memory instead. */
  timeoutMs: number;
}

/** How many requests each kind of caller may make; counters in Redis when `store` is given. */
export interface RateLimits {
  /** The public caller, per client address (an IPv6 address by its /64). */
  public: Rate;
  /** A citizen, per person. */
  citizen: Rate;
  /** One client (token subject) of an organisation. */
  client: Rate;
  /** An organisation, all its clients together. */
  organisation: Rate;
  /** Organisations with a limit of their own in place of `organisation`. */
  organisations: ReadonlyMap<string, Rate>;
  /** Proxies whose `X-Forwarded-For` names the client: addresses, CIDR ranges or `loopback`. */
  trustedProxies: readonly string[];
  store?: SharedRateStore;
}

/** The rates a gateway runs with unless configured otherwise (requests per minute). */
export const DEFAULT_RATES: Readonly<Record<RateBucket, Rate>> = {
  public: { requests: 60, windowSeconds: 60 },
  citizen: { requests: 120, windowSeconds: 60 },
  client: { requests: 600, windowSeconds: 60 },
  organisation: { requests: 3_000, windowSeconds: 60 },
};

export const DEFAULT_RATE_KEY_PREFIX = 'govgraph:ratelimit';
export const DEFAULT_RATE_STORE_TIMEOUT_MS = 100;

const RATE = /^([1-9][0-9]{0,8})\/([1-9][0-9]{0,6})s$/;

/** Reads a rate written `<requests>/<seconds>s`, e.g. `600/60s`; undefined if malformed. */
export function parseRate(text: string): Rate | undefined {
  const match = RATE.exec(text.trim());
  if (!match) return undefined;
  return { requests: Number(match[1]), windowSeconds: Number(match[2]) };
}

/** A rate as it is written in configuration. */
export const formatRate = (rate: Rate) => `${rate.requests}/${rate.windowSeconds}s`;
