/** How long the gateway waits for one call to a subgraph before answering without it. */
export interface SubgraphTimeouts {
  /** Milliseconds, for every subgraph without a timeout of its own. */
  defaultMs: number;
  /** Milliseconds, by subgraph name. */
  bySubgraph?: Readonly<Partial<Record<string, number>>>;
}

/** Five seconds: longer than any healthy agency takes, short enough that a client still waits. */
export const DEFAULT_SUBGRAPH_TIMEOUTS: SubgraphTimeouts = { defaultMs: 5_000 };

/** The timeout of one subgraph's calls. */
export function subgraphTimeoutMs(timeouts: SubgraphTimeouts, subgraph: string): number {
  return timeouts.bySubgraph?.[subgraph] ?? timeouts.defaultMs;
}
