import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { randomUUID } from 'node:crypto';

/** The header that carries a request's id: the client's own, in; the gateway's, out. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The response header that echoes the client's own `x-request-id`, when it sent one. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/**
 * Request ids are the gateway's own: made up here for every request, signed into gateway
 * tokens and written into access records, so no client can choose the key of a record (or
 * give two requests one key). A client's `x-request-id` is only a correlation id: echoed back
 * and logged, never a record's key.
 */
export interface RequestIds {
  of(request: Request): string;
  /** The client's `x-request-id`, if it sent one. */
  correlationOf(request: Request): string | null;
}

export function createRequestIds(): RequestIds {
  const ids = new WeakMap<Request, string>();
  return {
    of(request) {
      let id = ids.get(request);
      if (!id) ids.set(request, (id = randomUUID()));
      return id;
    },
    correlationOf: (request) => request.headers.get(REQUEST_ID_HEADER),
  };
}

/** Answers every request with the gateway's id of it, and the client's own id as correlation. */
export function useRequestIdHeaders(requestIds: RequestIds): GatewayPlugin {
  return {
    onResponse({ request, response }) {
      response.headers.set(REQUEST_ID_HEADER, requestIds.of(request));
      const correlation = requestIds.correlationOf(request);
      if (correlation !== null) response.headers.set(CORRELATION_ID_HEADER, correlation);
    },
  };
}
