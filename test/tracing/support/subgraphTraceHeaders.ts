import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The trace headers of every request the subgraphs of this process received. */
export interface TraceHeaderRecorder {
  received(): { traceparent?: string; tracestate?: string }[];
  stop(): void;
}

/** Records, from Node's own HTTP server diagnostics, what trace context reaches the subgraphs. */
export function recordSubgraphTraceHeaders(urls: readonly string[]): TraceHeaderRecorder {
  const ports = new Set(urls.map((url) => Number(new URL(url).port)));
  const received: { traceparent?: string; tracestate?: string }[] = [];
  const onRequest = (message: unknown) => {
    const { server, request } = message as { server: Server; request: IncomingMessage };
    const address = server.address() as AddressInfo | null;
    if (!address || !ports.has(address.port) || request.method !== 'POST') return;
    const { traceparent, tracestate } = request.headers;
    received.push({
      ...(typeof traceparent === 'string' ? { traceparent } : {}),
      ...(typeof tracestate === 'string' ? { tracestate } : {}),
    });
  };
  subscribe('http.server.request.start', onRequest);
  return {
    received: () => received,
    stop: () => unsubscribe('http.server.request.start', onRequest),
  };
}
