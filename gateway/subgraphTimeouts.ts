/** How long the gateway waits for one call to a subgraph before answering without it. */
export interface SubgraphTimeouts {
  /** Milliseconds, for every subgraph without a timeout of its own. */
  defaultMs: number;
  /** Milliseconds, by subgraph name. */
  bySubgraph?: Readonly<Partial<Record<string, number>>>;
}

/**
 * Thirty seconds: the largest request the limits admit (a page of 10,000 people, each access
 * recorded) took over five on a busy machine, and must not be cut off by default.
 */
export const DEFAULT_SUBGRAPH_TIMEOUTS: SubgraphTimeouts = { defaultMs: 30_000 };

/** The timeout of one subgraph's calls. */
export function subgraphTimeoutMs(timeouts: SubgraphTimeouts, subgraph: string): number {
  return timeouts.bySubgraph?.[subgraph] ?? timeouts.defaultMs;
}
