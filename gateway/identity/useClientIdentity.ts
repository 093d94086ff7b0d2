import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { RequestIdentity } from '../../platform/identity/RequestIdentity';
import type { ClientTokenVerifier } from './createClientTokenVerifier';
import { readRequestIdentity } from './readRequestIdentity';
import type { RequestIds } from './requestIds';

/** The context of a request whose identity has been established. */
export interface IdentityContext {
  identity: RequestIdentity;
}

/** The identity established for each request, for plugins that run before its context exists. */
export type RequestIdentities = WeakMap<Request, RequestIdentity>;

/**
 * Establishes who asks and why before a request is parsed: a bad token is refused with 401 and
 * a malformed purpose or case id with 400, before anything is planned or sent to a subgraph.
 * The result is the context's `identity`.
 */
export function useClientIdentity(options: {
  verifyToken: ClientTokenVerifier;
  requestIds: RequestIds;
  /** Where each request's identity is kept, for rules that run before the context is built. */
  identities?: RequestIdentities;
  /**
   * Runs before a request whose credentials are refused gets its refusal, and may throw a
   * refusal of its own instead (the rate limit of refused requests from one address).
   */
  beforeRefusal?: (request: Request, serverContext: unknown) => Promise<void>;
}): GatewayPlugin<IdentityContext> {
  const identities = options.identities ?? new WeakMap<Request, RequestIdentity>();
  return {
    async onRequestParse({ request, serverContext }) {
      const requestId = options.requestIds.of(request);
      let identity: RequestIdentity;
      try {
        identity = await readRequestIdentity(request, requestId, options.verifyToken);
      } catch (refusal) {
        await options.beforeRefusal?.(request, serverContext);
        throw refusal;
      }
      identities.set(request, identity);
    },
    onContextBuilding({ context, extendContext }) {
      const identity = identities.get(context.request);
      if (identity) extendContext({ identity });
    },
  };
}

/** The identity of the request a context belongs to, if one was established. */
export function identityOf(context: unknown): RequestIdentity | undefined {
  return typeof context === 'object' && context !== null && 'identity' in context
    ? (context as IdentityContext).identity
    : undefined;
}
