import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Counts the HTTP requests that servers of this process, listening on given URLs, receive. */
export interface RequestCounter {
  count(): number;
  stop(): void;
}

/**
 * Counts requests arriving at the subgraphs of a federation run in this process, from Node's
 * own HTTP server diagnostics: whatever path a request takes to a subgraph, it is counted.
 */
export function countSubgraphRequests(urls: readonly string[]): RequestCounter {
  const ports = new Set(urls.map((url) => Number(new URL(url).port)));
  let count = 0;
  const onRequest = (message: unknown) => {
    const { server } = message as { server: Server; request: IncomingMessage };
    const address = server.address() as AddressInfo | null;
    if (address && ports.has(address.port)) count += 1;
  };
  subscribe('http.server.request.start', onRequest);
  return {
    count: () => count,
    stop: () => unsubscribe('http.server.request.start', onRequest),
  };
}
