/** One thing a service needs in order to serve: it resolves when it answers, throws when not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** What `/readyz` answers: ready when every check passed, and each check's outcome. */
export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, string>;
}

/**
 * Runs every check at once, each given at most `timeoutMs`: a database that hangs makes the
 * service not ready rather than a probe that never returns.
 */
export async function checkReadiness(
  checks: readonly ReadinessCheck[],
  timeoutMs = 2_000,
): Promise<ReadinessReport> {
  const outcomes = await Promise.all(
    checks.map(async ({ name, check }) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([check(), timeout]);
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error)] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return {
    ready: outcomes.every(([, outcome]) => outcome === 'ok'),
    checks: Object.fromEntries(outcomes),
  };
}
