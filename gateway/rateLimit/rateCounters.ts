import type { Caller } from '../../platform/context/Caller';
import type { RateBucket } from './rateLimits';

/** One counter a request is counted on: the bucket's limit applies to it. */
export interface RateCounter {
  bucket: RateBucket;
  /** Whom the counter counts within its bucket. */
  id: string;
}

/**
 * The counters a request of this caller is counted on: the public caller by client address
 * (anyone can be the public, so the address is all there is), a citizen by their person
 * (wherever they sign in from; many people share an address behind a carrier's NAT), a client
 * of an organisation both on its own counter (a token's subject: a system's client id, or the
 * official) and on its organisation's, so that one client cannot use up its siblings' share
 * and many clients cannot multiply the organisation's.
 */
export function rateCountersOf(caller: Caller, clientAddress: () => string): RateCounter[] {
  switch (caller.kind) {
    case 'public':
      return [{ bucket: 'public', id: clientAddress() }];
    case 'citizen':
      return [{ bucket: 'citizen', id: caller.subject }];
    case 'organisation':
      return [
        { bucket: 'organisation', id: caller.organisation },
        { bucket: 'client', id: `${caller.organisation}/${caller.subject}` },
      ];
  }
}
