import type { JWTPayload } from 'jose';
import type { Caller } from '../../platform/context/Caller';

/** How long a verified client token is remembered: no longer than a key set is trusted unfetched. */
export const VERIFIED_TOKEN_TTL_MS = 30_000;

/** How many verified tokens are remembered at once; the oldest is forgotten first. */
export const VERIFIED_TOKEN_CACHE_SIZE = 5_000;

/**
 * Whether a remembered token is still good now: its expiry and lifetime, which depend on the
 * clock, are checked again on every use; only the signature and the fixed claims are not.
 */
export type StillValid = (payload: JWTPayload, nowSeconds: number) => boolean;

export interface VerifiedTokenCache {
  /** The caller of a token verified before, if it is remembered and still valid now. */
  get(token: string): Caller | undefined;
  remember(token: string, payload: JWTPayload, caller: Caller): void;
}

/**
 * Remembers client tokens that passed verification, by their exact text, so a client that
 * sends the same token again is not verified from scratch on every request. Refusals are
 * never remembered. An entry is dropped after `VERIFIED_TOKEN_TTL_MS`, at expiry, or when
 * `stillValid` says so, whichever comes first; a dropped token is verified afresh.
 */
export function createVerifiedTokenCache(
  stillValid: StillValid,
  now: () => number = Date.now,
): VerifiedTokenCache {
  const entries = new Map<string, { payload: JWTPayload; caller: Caller; until: number }>();
  return {
    get(token) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      const at = now();
      if (at < entry.until && stillValid(entry.payload, Math.floor(at / 1000))) return entry.caller;
      entries.delete(token);
      return undefined;
    },
    remember(token, payload, caller) {
      if (entries.size >= VERIFIED_TOKEN_CACHE_SIZE)
        entries.delete(entries.keys().next().value as string);
      entries.set(token, {
        payload,
        caller: freezeCaller(caller),
        until: now() + VERIFIED_TOKEN_TTL_MS,
      });
    },
  };
}

/** A remembered caller is shared by requests: none of them may change it for the others. */
function freezeCaller(caller: Caller): Caller {
  if (caller.kind === 'organisation') Object.freeze(caller.roles);
  return Object.freeze(caller);
}
