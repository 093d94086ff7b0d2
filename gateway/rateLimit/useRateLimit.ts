import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { IncomingMessage } from 'node:http';
import { PUBLIC_CALLER } from '../../platform/context/Caller';
import { clientError } from '../../platform/errors/clientErrors';
import { ErrorCode } from '../../platform/errors/ErrorCode';
import type { RequestIdentities } from '../identity/useClientIdentity';
import type { ClientAddressOf } from './clientAddress';
import type { RateLimiter, RateRefusal } from './createRateLimiter';
import { rateCountersOf } from './rateCounters';
import type { RateBucket } from './rateLimits';

const WHOSE: Record<RateBucket, string> = {
  public: 'requests without a token from one address',
  citizen: 'requests of one person',
  client: 'requests of one client',
  organisation: "requests of one organisation's clients together",
};

/** The refusal of a request over its rate limit: 429 with `Retry-After`, `RATE_LIMITED`. */
export function rateLimited(refusal: RateRefusal) {
  const { rate, retryAfterSeconds } = refusal;
  return clientError(
    ErrorCode.RATE_LIMITED,
    `Too many requests: ${WHOSE[refusal.bucket]} are limited to ${rate.requests} per ${rate.windowSeconds} s. Try again in ${retryAfterSeconds} s.`,
    {
      retryAfterSeconds,
      http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
    },
  );
}

/**
 * Counts every GraphQL request against its caller's rate limits once its identity is known and
 * before its body is read, and refuses one over a limit before anything is parsed, planned or
 * sent to a subgraph. Placed after `useClientIdentity`, which fills `identities`.
 */
export function useRateLimit(options: RateLimitOptions): GatewayPlugin {
  const { limiter, identities, clientAddress } = options;
  return {
    async onRequestParse({ request, serverContext }) {
      // A request without an identity cannot get here (its token was refused), but would
      // count as the public caller, by its address.
      const caller = identities.get(request)?.caller ?? PUBLIC_CALLER;
      const peer = (serverContext as { req?: IncomingMessage }).req;
      const refusal = await limiter.consume(rateCountersOf(caller, () => clientAddress(peer)));
      if (refusal) throw rateLimited(refusal);
    },
  };
}

export interface RateLimitOptions {
  limiter: RateLimiter;
  identities: RequestIdentities;
  clientAddress: ClientAddressOf;
}

/**
 * Counts a request whose credentials were refused against the public limit of its address,
 * so that guessing or replaying tokens is limited like any request without one (each refusal
 * still costs a signature check); over the limit, it is refused with 429 instead of 401.
 */
export function countRefusedCredentials(
  options: Omit<RateLimitOptions, 'identities'>,
): (request: Request, serverContext: unknown) => Promise<void> {
  return async (_request, serverContext) => {
    const peer = (serverContext as { req?: IncomingMessage }).req;
    const refusal = await options.limiter.consume(
      rateCountersOf(PUBLIC_CALLER, () => options.clientAddress(peer)),
    );
    if (refusal) throw rateLimited(refusal);
  };
}
