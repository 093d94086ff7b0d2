import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PUBLIC_CALLER } from '../context/Caller';
import type { RequestContext } from '../context/RequestContext';
import type { AgencySubgraph } from './SubgraphDefinition';

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.trim() !== '' ? first.trim() : null;
}

/** Builds the context of one request to a subgraph: caller, purpose, case and fresh loaders. */
export function createRequestContext<TLoaders, TRepositories>(
  subgraph: AgencySubgraph<TLoaders, TRepositories>,
  request: IncomingMessage,
): RequestContext<TLoaders, TRepositories> {
  return {
    requestId: header(request, 'x-request-id') ?? randomUUID(),
    caller: PUBLIC_CALLER,
    purpose: header(request, 'x-purpose'),
    caseId: header(request, 'x-case-id'),
    loaders: subgraph.createLoaders(),
    repositories: subgraph.repositories,
  };
}
