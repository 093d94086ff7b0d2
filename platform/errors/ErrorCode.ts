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
  /** An access could not be recorded, so its data is withheld. */
  ACCESS_LOG_UNAVAILABLE = 'ACCESS_LOG_UNAVAILABLE',
  /** Anything not thrown on purpose; details stay in the server log. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
