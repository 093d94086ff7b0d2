import type { Caller } from '../context/Caller';
import type { Db } from '../db/createDb';
import type { Logger } from '../logging/logger';
import { AgreementRepository } from './agreementRepository';
import { ConsentRepository } from './consentRepository';
import type { AgencyFieldPolicy } from './fieldPolicy';
import { createPolicyStore, type PolicyStore } from './policyStore';
import { RequestPolicy } from './RequestPolicy';
import { listenForChanges } from './listenForChanges';
import type { PolicyObserver } from './policyObserver';

/** How long agreements are trusted without the governance store answering, by default. */
export const DEFAULT_MAX_STALENESS_MS = 30_000;

/** What a subgraph process needs to decide policy: agreements in memory, consents on demand. */
export interface PolicyRuntime {
  store: PolicyStore;
  /** Resolves while the agreements in memory may be trusted; throws saying why not. */
  checkTrusted(): Promise<void>;
  /** The policy of one request to this subgraph. */
  forRequest(fieldPolicy: AgencyFieldPolicy, caller: Caller, purpose: string | null): RequestPolicy;
  stop(): Promise<void>;
}

export interface PolicyRuntimeOptions {
  /** A connection to the governance store (its own pool, apart from the agency's data). */
  db: Db;
  refreshMs?: number;
  logger: Logger;
  /** Today's date as YYYY-MM-DD; agreements are in force by calendar day. */
  today?: () => string;
  /** Also listen for changes on this server (LISTEN/NOTIFY), besides polling. */
  listenUrl?: string;
  /**
   * How long the agreements last read may be trusted while the governance store does not
   * answer (default 30 s); after that nothing is released under an agreement, or a revocation
   * made meanwhile could be missed.
   */
  maxStalenessMs?: number;
  /** Told of every decision and consent check (metrics). */
  observer?: PolicyObserver;
}

export async function createPolicyRuntime(options: PolicyRuntimeOptions): Promise<PolicyRuntime> {
  const store = await createPolicyStore({
    repository: new AgreementRepository(options.db),
    refreshMs: options.refreshMs ?? 500,
    logger: options.logger,
  });
  const consents = new ConsentRepository(options.db);
  const stopListening = options.listenUrl
    ? await listenForChanges(options.listenUrl, () => void store.refresh(), options.logger)
    : async () => undefined;
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const maxStalenessMs = options.maxStalenessMs ?? DEFAULT_MAX_STALENESS_MS;
  return {
    store,
    checkTrusted: async () => {
      const stale = store.staleForMs();
      if (stale > maxStalenessMs)
        throw new Error(
          `the governance store has not answered for ${Math.round(stale / 1000)} s: nothing is released under an agreement`,
        );
    },
    forRequest: (fieldPolicy, caller, purpose) =>
      new RequestPolicy({
        fieldPolicy,
        caller,
        purpose,
        agreements: store.staleForMs() > maxStalenessMs ? 'unavailable' : store.agreements(),
        consents,
        today: today(),
        observer: options.observer,
      }),
    stop: async () => {
      await store.stop();
      await stopListening();
    },
  };
}
