import { BUSY, concurrencyLimit } from './concurrencyLimit';

/** A task that runs until it is told to finish. */
function gate<T>(value: T) {
  let finish!: () => void;
  let started = false;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      started = true;
      await done;
      return value;
    },
    finish: () => finish(),
    started: () => started,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a concurrency limit', () => {
  it('runs so many tasks at once, queues so many more in order, and refuses the rest', async () => {
    const limit = concurrencyLimit({ running: 2, queued: 1 });
    const [a, b, c, d] = [gate('a'), gate('b'), gate('c'), gate('d')];
    const results = [a, b, c].map(({ task }) => limit.run(task));
    await tick();
    expect([a.started(), b.started(), c.started()]).toEqual([true, true, false]);
    expect(limit.load).toEqual({ running: 2, queued: 1 });
    expect(await limit.run(d.task)).toBe(BUSY);
    expect(d.started()).toBe(false);

    a.finish();
    await tick();
    expect(c.started()).toBe(true);
    expect(limit.load).toEqual({ running: 2, queued: 0 });
    b.finish();
    c.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(limit.load).toEqual({ running: 0, queued: 0 });
  });

  it('frees the slot of a task that fails', async () => {
    const limit = concurrencyLimit({ running: 1, queued: 0 });
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limit.load).toEqual({ running: 0, queued: 0 });
    expect(await limit.run(async () => 'next')).toBe('next');
  });

  it('refuses limits that could run nothing', () => {
    expect(() => concurrencyLimit({ running: 0, queued: 1 })).toThrow('at least one');
  });
});
