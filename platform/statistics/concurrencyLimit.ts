/** What `ConcurrencyLimit.run` returns instead of running a task when the queue is full. */
export const BUSY: unique symbol = Symbol('busy');

/**
 * At most `running` tasks at once, and at most `queued` more waiting their turn, in order; a
 * task beyond both is not run at all (`BUSY`), so that a burst of heavy work is refused at
 * once instead of piling up in memory.
 */
export interface ConcurrencyLimit {
  run<T>(task: () => Promise<T>): Promise<T | typeof BUSY>;
  /** Tasks running and waiting now (tests, metrics). */
  readonly load: { running: number; queued: number };
}

export function concurrencyLimit(limits: { running: number; queued: number }): ConcurrencyLimit {
  if (!(limits.running >= 1) || !(limits.queued >= 0))
    throw new Error('a concurrency limit runs at least one task and queues none or more');
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run(task) {
      if (running < limits.running) {
        running++;
      } else {
        if (waiting.length >= limits.queued) return BUSY;
        // The slot is handed over by release(): `running` stays as it is.
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
    get load() {
      return { running, queued: waiting.length };
    },
  };
}
