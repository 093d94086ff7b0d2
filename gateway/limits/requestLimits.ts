import { GraphQLError } from 'graphql';
import type { ErrorCode } from '../../platform/errors/ErrorCode';

/** How much one request may ask of the gateway; each is refused before any planning. */
export interface RequestLimits {
  /** Lexical tokens in the document; parsing stops at the first token over. */
  maxTokens: number;
  /** Depth of the deepest field of an operation, fragments flattened. */
  maxDepth: number;
  /** Aliases in an operation, fragments included. */
  maxAliases: number;
  /** Directives in an operation, fragments included. */
  maxDirectives: number;
  /** Fields at the root of an operation (`__typename` and fields of fragments included). */
  maxRootFields: number;
  /** Fields of an operation once every fragment spread is expanded. */
  maxFields: number;
  /** Estimated cost: one per field, a list field's subtree multiplied by its `first`. */
  maxCost: number;
  /** Bytes of the HTTP request body. */
  maxBodyBytes: number;
  /** Bytes of the request's variables, serialised as JSON. */
  maxVariablesBytes: number;
}

/** The limits the gateway runs with unless configured otherwise. */
export const DEFAULT_REQUEST_LIMITS: Readonly<RequestLimits> = {
  maxTokens: 5_000,
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxRootFields: 20,
  // As many as a document within the token limit can hold written out: only expanding
  // fragments can go beyond it.
  maxFields: 5_000,
  // A page of 10,000 people (the access-log bound) with a handful of fields each.
  maxCost: 100_000,
  maxBodyBytes: 1_048_576,
  maxVariablesBytes: 262_144,
};

/** The refusal of a request over a limit: the limit's code, its value in the message. */
export function limitError(code: ErrorCode, message: string, status = 400): GraphQLError {
  const http = { status };
  // The runtime marks parse failures `spec: true`, which lets it answer a client accepting
  // plain `application/json` with 200; a refusal keeps its status whatever the client accepts.
  Object.defineProperty(http, 'spec', { get: () => false, set: () => {}, enumerable: false });
  return new GraphQLError(message, { extensions: { code, http } });
}
