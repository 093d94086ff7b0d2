import type { Logger } from '../logging/logger';
import type { Agreement } from './agreement';
import type { AgreementRepository } from './agreementRepository';

/** The agreements in memory, reloaded whenever the governance store changes. */
export interface PolicyStore {
  agreements(): readonly Agreement[];
  /** How long ago the governance store last answered a check (0 right after one). */
  staleForMs(): number;
  /** Re-reads now if the store changed; resolves when done. */
  refresh(): Promise<void>;
  /** Stops checking; resolves once a check under way has finished, so its connection may close. */
  stop(): Promise<void>;
}

export interface PolicyStoreOptions {
  repository: AgreementRepository;
  /** How often the change counter is checked; a grant or revocation applies within this time. */
  refreshMs: number;
  logger: Logger;
  now?: () => number;
}

/**
 * Loads agreements at start and polls the governance store's change counter, so a revocation
 * takes effect in every subgraph within `refreshMs`, without a restart. A failed check keeps
 * the last agreements (revocations already seen stay revoked) and is retried; `staleForMs`
 * says how long the store has not answered, so that policy can stop trusting them.
 */
export async function createPolicyStore(options: PolicyStoreOptions): Promise<PolicyStore> {
  const { repository, logger } = options;
  const now = options.now ?? Date.now;
  let revision = await repository.revision();
  let verifiedAt = now();
  let agreements = await repository.findAll();
  let running: Promise<void> | null = null;
  // A change announced while a check runs may have come after its read: check once more then.
  let again = false;

  const check = async () => {
    try {
      const latest = await repository.revision();
      if (latest !== revision) {
        agreements = await repository.findAll();
        revision = latest;
        logger.info(
          { revision, agreements: agreements.length },
          'data-sharing agreements reloaded',
        );
      }
      verifiedAt = now();
    } catch (error) {
      logger.error(
        { err: error },
        'could not check the governance store; keeping the agreements in memory',
      );
    }
  };
  let stopped = false;
  const refresh = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await check();
      } while (again);
      running = null;
    })();
    return running;
  };
  const timer = setInterval(() => void refresh(), options.refreshMs);
  timer.unref();
  return {
    agreements: () => agreements,
    staleForMs: () => now() - verifiedAt,
    refresh,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
