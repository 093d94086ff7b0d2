import { cpuMs, isLocalDatabase, postgresCpuMsBetween } from './procStats';

describe('process figures', () => {
  it("read this process's own CPU time, and none for a process that is gone", () => {
    expect(cpuMs(process.pid)).toBeGreaterThan(0);
    expect(cpuMs(2 ** 22 + 1)).toBeNull();
  });

  it("add up the server's CPU between two readings, counting a backend that started between them from zero", () => {
    const before = new Map([
      [10, 1_000],
      [11, 50],
      [12, 70],
    ]);
    // 11 exited between the readings: what it used after the first is lost.
    const after = new Map([
      [10, 1_400],
      [12, 90],
      [13, 30],
    ]);
    expect(postgresCpuMsBetween(before, after)).toBe(400 + 20 + 30);
  });

  it('read the server only where its URL names this machine', () => {
    expect(isLocalDatabase('postgres://postgres@127.0.0.1:5432/test')).toBe(true);
    expect(isLocalDatabase('postgres://postgres@localhost/test')).toBe(true);
    expect(isLocalDatabase('postgres://postgres@db.internal:5432/test')).toBe(false);
  });
});
