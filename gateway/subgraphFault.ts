import { GraphQLError } from 'graphql';
import { ErrorCode } from '../platform/errors/ErrorCode';

/** The runtime's codes for a subgraph call that failed on the way, not in the subgraph. */
const TRANSPORT_CODES: Readonly<Record<string, ErrorCode>> = {
  // Connection refused or reset, DNS failure, a body that is not a GraphQL response.
  SUBREQUEST_HTTP_ERROR: ErrorCode.SUBGRAPH_UNAVAILABLE,
  // upstreamTimeout gave up waiting.
  GATEWAY_TIMEOUT: ErrorCode.SUBGRAPH_TIMEOUT,
};

/**
 * What a load balancer in front of a subgraph's replicas answers when none of them could
 * (502, 503) or in time (504, the balancer's own wait): not a GraphQL response, so the
 * runtime reports a malformed one (`RESPONSE_VALIDATION_FAILED`) with the status it got.
 * The subgraph cannot be reached through it, as when its address refuses connections.
 */
const BALANCER_STATUSES: ReadonlySet<unknown> = new Set([502, 503, 504]);

function balancerFault(error: GraphQLError): ErrorCode | undefined {
  if (error.extensions.code !== 'RESPONSE_VALIDATION_FAILED') return undefined;
  const status = (error.extensions.response as { status?: unknown } | undefined)?.status;
  return BALANCER_STATUSES.has(status) ? ErrorCode.SUBGRAPH_UNAVAILABLE : undefined;
}

/**
 * The client's view of a subgraph that could not be reached or did not answer in time: a
 * coded error at the same path naming the agency, so the other agencies' data stands and the
 * client knows what is missing and may retry. Never the address, the request sent or the
 * transport's message. Undefined for any other error.
 */
export function subgraphFault(
  error: GraphQLError,
  timeoutMs?: (subgraph: string) => number,
): GraphQLError | undefined {
  const runtimeCode = error.extensions.code;
  const subgraph = error.extensions.serviceName;
  if (typeof runtimeCode !== 'string' || typeof subgraph !== 'string') return undefined;
  const code = TRANSPORT_CODES[runtimeCode] ?? balancerFault(error);
  if (code === undefined) return undefined;
  const message =
    code === ErrorCode.SUBGRAPH_TIMEOUT
      ? `The ${subgraph} subgraph did not answer ${timeoutMs ? `within ${timeoutMs(subgraph)} ms` : 'in time'}; its data is missing from this response: try again later`
      : `The ${subgraph} subgraph cannot be reached; its data is missing from this response: try again later`;
  // No `http` status: the response is a partial one (200), the other agencies' data intact.
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { code, serviceName: subgraph },
  });
}
