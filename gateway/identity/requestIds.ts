import { randomUUID } from 'node:crypto';

/** The header that carries a request's id, from the client or made up by the gateway. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Request ids as the runtime assigns them: the client's `x-request-id`, or one generated
 * through `generate`, which the runtime calls and this remembers, so the id echoed to the
 * client, logged by the runtime and signed into gateway tokens is the same.
 */
export interface RequestIds {
  generate(payload: { request: Request }): string;
  of(request: Request): string;
}

export function createRequestIds(): RequestIds {
  const generated = new WeakMap<Request, string>();
  return {
    generate({ request }) {
      const id = randomUUID();
      generated.set(request, id);
      return id;
    },
    of(request) {
      const id = request.headers.get(REQUEST_ID_HEADER) || generated.get(request);
      if (id) return id;
      // The runtime's request-id plugin runs first; this covers it being switched off.
      const fallback = randomUUID();
      generated.set(request, fallback);
      return fallback;
    },
  };
}
