/** Every error code a client of govgraph can receive in `extensions.code`. */
export enum ErrorCode {
  /** The request carries credentials that could not be verified. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Policy denies this field or operation to this caller and purpose. */
  FORBIDDEN = 'FORBIDDEN',
  /** The requested record does not exist. */
  NOT_FOUND = 'NOT_FOUND',
  /** An argument is malformed or out of range. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The HTTP request is not a GraphQL request (malformed JSON, wrong method). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The query itself is not valid GraphQL or not valid against the schema. */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** A request would release personal data about more people than one request may. */
  TOO_MANY_SUBJECTS = 'TOO_MANY_SUBJECTS',
  /** The document has more lexical tokens than the gateway parses. */
  TOO_MANY_TOKENS = 'TOO_MANY_TOKENS',
  /** An operation nests fields deeper than the gateway allows. */
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  /** An operation uses more aliases than the gateway allows. */
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  /** An operation uses more directives than the gateway allows. */
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  /** An operation asks for more root fields than the gateway allows. */
  TOO_MANY_ROOT_FIELDS = 'TOO_MANY_ROOT_FIELDS',
  /** An operation has more fields, once its fragments are expanded, than the gateway allows. */
  TOO_MANY_FIELDS = 'TOO_MANY_FIELDS',
  /** An operation's estimated cost, lists weighed by their page size, is over the limit. */
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  /** The request body is larger than the gateway reads. */
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  /** The request's variables are larger than the gateway accepts. */
  VARIABLES_TOO_LARGE = 'VARIABLES_TOO_LARGE',
  /** A GET request carries credentials: GET serves only the public caller; send them over POST. */
  CREDENTIALS_OVER_GET = 'CREDENTIALS_OVER_GET',
  /** The gateway takes GraphQL requests only as POSTs (the production profile). */
  GET_NOT_ALLOWED = 'GET_NOT_ALLOWED',
  /** A POST body that is not `application/json`: forms and plain text are refused (CSRF). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** Introspection (`__schema`, `__type`) is not open to this caller in this deployment. */
  INTROSPECTION_NOT_ALLOWED = 'INTROSPECTION_NOT_ALLOWED',
  /** The trusted document a request names (`documentId`) is not registered for its client. */
  PERSISTED_DOCUMENT_NOT_FOUND = 'PERSISTED_DOCUMENT_NOT_FOUND',
  /** The client may run only its registered documents, and sent a query of its own. */
  PERSISTED_DOCUMENT_REQUIRED = 'PERSISTED_DOCUMENT_REQUIRED',
  /** The caller has made more requests than its rate limit allows; retry after `Retry-After`. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** An access could not be recorded, so its data is withheld. */
  ACCESS_LOG_UNAVAILABLE = 'ACCESS_LOG_UNAVAILABLE',
  /** A noisy statistical table would spend more of the privacy budget than is left for the caller's organisation and purpose. */
  PRIVACY_BUDGET_EXHAUSTED = 'PRIVACY_BUDGET_EXHAUSTED',
  /** An agency's subgraph could not be reached; the other agencies' data is still answered. */
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  /** An agency's subgraph did not answer within the gateway's timeout for it. */
  SUBGRAPH_TIMEOUT = 'SUBGRAPH_TIMEOUT',
  /** An agency's database could not be reached; nothing it holds is released. */
  DATA_SOURCE_UNAVAILABLE = 'DATA_SOURCE_UNAVAILABLE',
  /** Anything not thrown on purpose; details stay in the server log. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
