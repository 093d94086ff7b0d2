import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { createHash } from 'node:crypto';
import { GATEWAY_TOKEN_HEADER, identityClaims } from '../../platform/identity/gatewayToken';
import {
  type GatewayTokenSecret,
  gatewayTokenKeyring,
} from '../../platform/identity/gatewayTokenKeys';
import type { RequestIdentity } from '../../platform/identity/RequestIdentity';
import { signGatewayToken } from '../../platform/identity/signGatewayToken';
import type { Logger } from '../../platform/logging/logger';
import { identityOf } from './useClientIdentity';

/**
 * Internal headers, set on each subgraph call before the runtime computes the key of its
 * in-flight deduplication and removed again before the call is sent: the scope makes calls on
 * behalf of different callers, purposes or cases different keys, so they are never merged.
 */
const SCOPE_HEADER = 'x-govgraph-identity-scope';
const AUDIENCE_HEADER = 'x-govgraph-audience';

/** Characters above which a call's body is sent as the bytes it was signed over. */
const LARGE_BODY = 64 * 1024;

/**
 * Signs every call the gateway makes to a subgraph, root fields and `_entities` alike: a
 * short-lived token for that subgraph and that exact body, carrying the request's identity
 * (`x-gateway-token`). Identical in-flight calls are deduplicated only within one request
 * (and, for the public caller, across requests: it is never released personal data).
 */
export function useGatewayToken(options: {
  secret: GatewayTokenSecret;
  logger: Logger;
}): GatewayPlugin {
  const keyFor = gatewayTokenKeyring(options.secret);
  return {
    onSubgraphExecute({ executionRequest, subgraphName }) {
      const identity = identityOf(executionRequest.context);
      if (!identity) throw new Error(`a call to ${subgraphName} has no request identity to sign`);
      const extensions = (executionRequest.extensions ??= {});
      extensions.headers = {
        ...(extensions.headers as Record<string, string> | undefined),
        [SCOPE_HEADER]: identityScope(identity),
        [AUDIENCE_HEADER]: subgraphName,
      };
    },
    async onFetch({ context, options: request, setOptions }) {
      const {
        [SCOPE_HEADER]: scope,
        [AUDIENCE_HEADER]: audience,
        ...headers
      } = request.headers ?? {};
      const identity = identityOf(context);
      // The token must vouch for exactly the identity the deduplication key was made of.
      if (!identity || !audience || scope !== identityScope(identity))
        throw new Error('a subgraph call without a matching identity scope is not signed');
      if (request.body !== undefined && request.body !== null && typeof request.body !== 'string')
        throw new Error('only string bodies can be signed');
      // A large body (a statistical table's parts) is encoded once: the hash and the socket
      // then take the same bytes.
      const encoded =
        typeof request.body === 'string' && request.body.length > LARGE_BODY
          ? Buffer.from(request.body, 'utf8')
          : null;
      const token = await signGatewayToken({
        identity,
        audience,
        body: encoded ?? request.body ?? '',
        key: keyFor(audience),
      });
      setOptions({
        ...request,
        ...(encoded && { body: encoded }),
        headers: { ...headers, [GATEWAY_TOKEN_HEADER]: token },
      });
      return async ({ response, setResponse }) => {
        if (response.status !== 401) return;
        // A refused gateway token is a fault between gateway and subgraph (keys, clocks), not
        // the client's: it is logged and surfaces as an internal error.
        options.logger.error(
          {
            requestId: identity.requestId,
            subgraph: audience,
            reason: await response.text().catch(() => ''),
          },
          'a subgraph refused the gateway token; check its gateway-token key and the clocks',
        );
        setResponse(
          new Response(
            JSON.stringify({ errors: [{ message: 'subgraph refused the gateway token' }] }),
            { status: 502, headers: { 'content-type': 'application/json' } },
          ),
        );
      };
    },
  };
}

/**
 * What deduplication must respect: everything a gateway token asserts. The request id is part
 * of it for every signed-in caller, so calls of two client requests that may release personal
 * data are never merged and each request leaves its own access records; only the public
 * caller, who is never released personal data, shares identical calls across requests.
 */
function identityScope(identity: RequestIdentity): string {
  let scope = scopes.get(identity);
  if (scope === undefined) {
    const { rid, ...claims } = identityClaims(identity);
    const key = identity.caller.kind === 'public' ? claims : { ...claims, rid };
    scope = createHash('sha256').update(JSON.stringify(key)).digest('base64url');
    scopes.set(identity, scope);
  }
  return scope;
}

/** Each request's scope, computed for its first subgraph call: a request's identity never changes. */
const scopes = new WeakMap<RequestIdentity, string>();
