/**
 * Repeats `check` until it returns true and resolves with the milliseconds that took; fails
 * after `timeoutMs`. For changes that apply within a bound (a revoked agreement, a withdrawn
 * consent): the test asserts the bound on the time returned instead of sleeping for it.
 */
export async function timeUntil(
  check: () => Promise<boolean>,
  { timeoutMs = 3_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return Math.round(performance.now() - started);
    if (performance.now() - started > timeoutMs) {
      throw new Error(`the change did not apply within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Reports a measured time on stderr, beside jest's own output. */
export function report(what: string, ms: number): void {
  process.stderr.write(`${what}: ${ms} ms\n`);
}
