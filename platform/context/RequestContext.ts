import type { RequestPolicy } from '../policy/RequestPolicy';
import type { Caller } from './Caller';

/**
 * What a subgraph knows about one request: who asks and why, and the per-request
 * DataLoaders that batch every entity lookup into one statement per type and level.
 */
export interface RequestContext<TLoaders = unknown, TRepositories = unknown> {
  requestId: string;
  caller: Caller;
  /** The declared purpose of use (the `x-purpose` header), if any. */
  purpose: string | null;
  /** The case or document that caused the request (the `x-case-id` header), if any. */
  caseId: string | null;
  loaders: TLoaders;
  /** Data access that is not batched by key (paging, search). */
  repositories: TRepositories;
  /** What policy releases to this caller for this purpose; decided once per field per request. */
  policy: RequestPolicy;
  /**
   * The secret the agencies share to pseudonymise statistical units (platform/statistics);
   * null in the governance service, which joins pseudonyms and must not be able to make them.
   */
  statisticsSecret: Buffer | null;
}
