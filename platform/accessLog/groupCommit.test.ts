import type { AccessContext, RequestRecords } from './accessLogWriter';
import { AccessLogWriteTimeout, groupCommit } from './groupCommit';

const context = (requestId: string): AccessContext => ({
  requestId,
  caller: { kind: 'public' },
  purpose: null,
  caseId: null,
});
const entries = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ subjectId: `s${i}`, fields: ['Person.givenName'] }));

/** A batch writer whose statements the test completes by hand, in any order. */
function manualWriter() {
  const statements: {
    batch: string[];
    commit(): void;
    fail(error: unknown): void;
  }[] = [];
  const write = (batch: readonly RequestRecords[]) =>
    new Promise<void>((resolve, reject) => {
      statements.push({
        batch: batch.map((request) => request.context.requestId),
        commit: resolve,
        fail: reject,
      });
    });
  return { write, statements };
}

/** Lets queued callbacks run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** Tracks whether a promise has settled, and how. */
function watch(promise: Promise<void>) {
  const state = { done: false, error: undefined as unknown };
  promise.then(
    () => (state.done = true),
    (error: unknown) => {
      state.done = true;
      state.error = error;
    },
  );
  return state;
}

describe('groupCommit', () => {
  it('writes a request that finds a free writer at once, in a statement of its own', async () => {
    const writer = manualWriter();
    const write = groupCommit(writer.write, { maxConcurrentWrites: 2 });
    const a = watch(write(context('a'), entries(3)));
    expect(writer.statements.map((s) => s.batch)).toEqual([['a']]);
    await settled();
    expect(a.done).toBe(false);
    writer.statements[0]!.commit();
    await settled();
    expect(a).toEqual({ done: true, error: undefined });
  });

  it('puts the requests that arrive while every writer is busy in the next statement, each released only once it commits', async () => {
    const writer = manualWriter();
    const write = groupCommit(writer.write, { maxConcurrentWrites: 1 });
    const a = watch(write(context('a'), entries(1)));
    const b = watch(write(context('b'), entries(2)));
    const c = watch(write(context('c'), entries(1)));
    expect(writer.statements.map((s) => s.batch)).toEqual([['a']]);
    writer.statements[0]!.commit();
    await settled();
    expect([a.done, b.done, c.done]).toEqual([true, false, false]);
    expect(writer.statements.map((s) => s.batch)).toEqual([['a'], ['b', 'c']]);
    writer.statements[1]!.commit();
    await settled();
    expect([b.done, c.done]).toEqual([true, true]);
  });

  it('never splits a request, and keeps a statement within its record limit', async () => {
    const writer = manualWriter();
    const write = groupCommit(writer.write, { maxConcurrentWrites: 1, maxRecordsPerWrite: 5 });
    void write(context('busy'), entries(1));
    void write(context('a'), entries(3));
    void write(context('b'), entries(3));
    void write(context('c'), entries(2));
    writer.statements[0]!.commit();
    await settled();
    writer.statements[1]!.commit();
    await settled();
    expect(writer.statements.map((s) => s.batch)).toEqual([['busy'], ['a'], ['b', 'c']]);
  });

  it('retries a refused statement request by request, so only the request with a bad record fails', async () => {
    const writer = manualWriter();
    const write = groupCommit(writer.write, { maxConcurrentWrites: 1 });
    const busy = watch(write(context('busy'), entries(1)));
    const good = watch(write(context('good'), entries(1)));
    const bad = watch(write(context('bad'), entries(1)));
    writer.statements[0]!.commit();
    await settled();
    const refused = new Error('value too long for type character varying');
    writer.statements[1]!.fail(refused);
    await settled();
    // Retried one request at a time, in order.
    writer.statements[2]!.commit();
    await settled();
    writer.statements[3]!.fail(refused);
    await settled();
    expect(writer.statements.map((s) => s.batch)).toEqual([
      ['busy'],
      ['good', 'bad'],
      ['good'],
      ['bad'],
    ]);
    expect(busy).toEqual({ done: true, error: undefined });
    expect(good).toEqual({ done: true, error: undefined });
    expect(bad).toEqual({ done: true, error: refused });
  });

  it('fails every request of a statement the database dropped, without retrying', async () => {
    const writer = manualWriter();
    const write = groupCommit(writer.write, { maxConcurrentWrites: 1 });
    void write(context('busy'), entries(1));
    const a = watch(write(context('a'), entries(1)));
    const b = watch(write(context('b'), entries(1)));
    writer.statements[0]!.commit();
    await settled();
    const dropped = Object.assign(new Error('Connection terminated unexpectedly'), {});
    writer.statements[1]!.fail(dropped);
    await settled();
    expect(a).toEqual({ done: true, error: dropped });
    expect(b).toEqual({ done: true, error: dropped });
    expect(writer.statements).toHaveLength(2);
  });

  it('fails the requests of a hung statement after its timeout, and writes the next ones on', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      const writer = manualWriter();
      const write = groupCommit(writer.write, { maxConcurrentWrites: 1, writeTimeoutMs: 30 });
      const hung = watch(write(context('hung'), entries(1)));
      const next = watch(write(context('next'), entries(1)));
      jest.advanceTimersByTime(29);
      await settled();
      expect(hung.done).toBe(false);
      expect(writer.statements).toHaveLength(1);
      jest.advanceTimersByTime(1);
      await settled();
      expect(hung.done).toBe(true);
      expect(hung.error).toBeInstanceOf(AccessLogWriteTimeout);
      expect(writer.statements.map((s) => s.batch)).toEqual([['hung'], ['next']]);
      writer.statements[1]!.commit();
      await settled();
      expect(next).toEqual({ done: true, error: undefined });
    } finally {
      jest.useRealTimers();
    }
  });

  it('writes nothing for a request without records', async () => {
    const writer = manualWriter();
    const write = groupCommit(writer.write);
    await write(context('a'), []);
    expect(writer.statements).toHaveLength(0);
  });
});
