import type { GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import type { Caller } from '../../platform/context/Caller';
import { clientError } from '../../platform/errors/clientErrors';
import { ErrorCode } from '../../platform/errors/ErrorCode';
import type { RequestIdentity } from '../../platform/identity/RequestIdentity';
import { hashOfDocumentId } from './documentHash';
import { clientNamesOf } from './trustedDocumentClients';
import type { TrustedDocumentSource } from './trustedDocumentSource';

export interface TrustedDocumentRulesOptions {
  source: TrustedDocumentSource;
  /** Clients (organisations, or `<organisation>/<subject>`) that may run only their documents. */
  heldClients: readonly string[];
  /** The verified identity of each request, set by `useClientIdentity` before params are read. */
  identities: WeakMap<Request, RequestIdentity>;
}

type PersistedDocumentsConfig = NonNullable<GatewayConfigSupergraph['persistedDocuments']>;

/**
 * The runtime's persisted documents (`@graphql-yoga/plugin-persisted-operations`), deciding by
 * the verified caller: a request's `documentId` (or Apollo's `persistedQuery.sha256Hash`) runs
 * the document registered under that hash for the caller's client, or is refused with
 * PERSISTED_DOCUMENT_NOT_FOUND; a held client's raw `query` is refused with
 * PERSISTED_DOCUMENT_REQUIRED. Both happen while the request's params are read: before
 * parsing, planning or any subgraph call. A request whose identity is unknown is held.
 */
export function trustedDocumentRules(
  options: TrustedDocumentRulesOptions,
): PersistedDocumentsConfig {
  const held = new Set(options.heldClients);
  const callerOf = (request: Request): Caller | undefined =>
    options.identities.get(request)?.caller;
  const isHeld = (caller: Caller | undefined) =>
    caller === undefined || clientNamesOf(caller).some((name) => held.has(name));
  const nameOf = (caller: Caller | undefined) =>
    caller?.kind === 'organisation' ? `${caller.organisation}/${caller.subject}` : 'this caller';

  const required = (request: Request) =>
    clientError(
      ErrorCode.PERSISTED_DOCUMENT_REQUIRED,
      `${nameOf(callerOf(request))} may run only the documents registered for it: send their documentId, not a query`,
      { http: { status: 403 } },
    );
  return {
    getPersistedOperation(documentId, request) {
      const hash = hashOfDocumentId(documentId);
      const caller = callerOf(request);
      if (hash === undefined || caller === undefined) return null;
      const documents = options.source.current();
      const client = clientNamesOf(caller).find((name) => documents.has(name));
      return (client && documents.get(client)?.get(hash)) ?? null;
    },
    allowArbitraryDocuments: (request) => !isHeld(callerOf(request)),
    customErrors: {
      notFound: ({ request }) =>
        clientError(
          ErrorCode.PERSISTED_DOCUMENT_NOT_FOUND,
          `No trusted document with this documentId is registered for ${nameOf(callerOf(request))}`,
          { http: { status: 400 } },
        ),
      persistedQueryOnly: ({ request }) => required(request),
      // Neither a query nor a documentId: for a caller free to send queries, the answer it
      // would get without trusted documents.
      keyNotFound: ({ request }) =>
        isHeld(callerOf(request))
          ? required(request)
          : new GraphQLError('Must provide query string.', {
              extensions: { http: { spec: true, status: 400, headers: { Allow: 'GET, POST' } } },
            }),
    },
  };
}
