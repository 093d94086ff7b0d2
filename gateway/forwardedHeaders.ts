/**
 * Client headers every subgraph receives: why the data is used and for which case. They
 * are part of the key of the runtime's in-flight deduplication, so requests declaring
 * different purposes are never merged. `x-request-id` is not listed: the runtime's
 * request-id plugin forwards it (generating one if the client sent none) outside that key.
 */
export const FORWARDED_HEADERS = ['x-purpose', 'x-case-id'] as const;

/** The forwarded headers the client sent, for the runtime's `propagateHeaders` option. */
export function headersForSubgraphs({ request }: { request: Request }): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}
