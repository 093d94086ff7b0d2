/** Remembers single-use token ids for as long as the tokens can be valid. */
export interface ReplayGuard {
  /** True the first time an id is seen within the window, false on every reuse. */
  admit(id: string): boolean;
}

/**
 * A replay guard without timers: ids go into the current generation, and each window the
 * current generation becomes the previous one and the oldest is dropped. An id is therefore
 * remembered for at least `windowMs`, which must cover a token's whole validity.
 */
export function createReplayGuard(windowMs: number, now: () => number = Date.now): ReplayGuard {
  let current = new Set<string>();
  let previous = new Set<string>();
  let rotatesAt = now() + windowMs;
  return {
    admit(id) {
      const time = now();
      if (time >= rotatesAt) {
        // After a quiet spell longer than two windows, nothing remembered can still be valid.
        previous = time >= rotatesAt + windowMs ? new Set() : current;
        current = new Set();
        rotatesAt = time + windowMs;
      }
      if (current.has(id) || previous.has(id)) return false;
      current.add(id);
      return true;
    },
  };
}
