import type { RequestContext } from '../context/RequestContext';
import type { RequestIdentity } from '../identity/RequestIdentity';
import type { PolicyRuntime } from '../policy/policyRuntime';
import type { AgencySubgraph } from './SubgraphDefinition';

/**
 * Builds the context of one request to a subgraph from the identity its gateway token vouches
 * for (caller, purpose, case, request id), with fresh loaders.
 */
export function createRequestContext<TLoaders, TRepositories>(
  subgraph: AgencySubgraph<TLoaders, TRepositories>,
  identity: RequestIdentity,
  policy: PolicyRuntime,
  statisticsSecret: Buffer | null = null,
): RequestContext<TLoaders, TRepositories> {
  return {
    requestId: identity.requestId,
    caller: identity.caller,
    purpose: identity.purpose,
    caseId: identity.caseId,
    loaders: subgraph.createLoaders(),
    repositories: subgraph.repositories,
    policy: policy.forRequest(subgraph.fieldPolicy, identity.caller, identity.purpose),
    statisticsSecret,
  };
}
