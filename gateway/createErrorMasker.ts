import { GraphQLError } from 'graphql';
import { ErrorCode } from '../platform/errors/ErrorCode';
import type { Logger } from '../platform/logging/logger';
import { subgraphFault } from './subgraphFault';

/**
 * The runtime's own codes for a request it refuses or cannot run as asked: malformed body
 * (`BAD_REQUEST`), oversized body, unknown operation name, too costly, or caught by a
 * supergraph reload or a shutdown (both retryable).
 */
const RUNTIME_REQUEST_CODES = [
  'BAD_REQUEST',
  'REQUEST_ENTITY_TOO_LARGE',
  'OPERATION_RESOLUTION_FAILURE',
  'COST_ESTIMATED_TOO_EXPENSIVE',
  'SCHEMA_RELOAD',
  'SHUTTING_DOWN',
];

/** Codes of errors raised on purpose, by the gateway or a subgraph, that a client may see. */
const EXPOSED_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  ...RUNTIME_REQUEST_CODES,
]);

/** Extensions that describe the server rather than the request: never sent to a client. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'originalError'];

/** The runtime's mark on errors that came back from a subgraph. */
const SUBGRAPH_NAME_EXTENSION = 'serviceName';

/** Turns anything thrown while serving a request into what the client may see. */
export interface ErrorMasker {
  (error: unknown): Error;
  /**
   * Logs what an error this masker replaced really was, once, with the id of the request
   * it belongs to (the masker itself is not told which request an error is of).
   */
  reportMasked(error: unknown, requestId: string): void;
}

/**
 * Decides, for every error of every response, whether the client sees it. Errors with a
 * client code from `ErrorCode` keep message, path and extensions (minus stack traces),
 * whether the gateway or a subgraph raised them; so do the HTTP layer's refusals of a
 * malformed request. A subgraph that cannot be reached or does not answer in time becomes
 * SUBGRAPH_UNAVAILABLE or SUBGRAPH_TIMEOUT, naming it (logged as a warning). Everything else,
 * including a subgraph's own internal errors, which the runtime would pass through verbatim,
 * is replaced by a bare internal error. Both are logged in full by `reportMasked` when the
 * response is written (`useRequestIdInErrors`).
 */
export function createErrorMasker(
  logger: Logger,
  subgraphTimeoutMs?: (subgraph: string) => number,
): ErrorMasker {
  const masked = new WeakSet<Error>();
  // What each replacement stands for, until it is logged with its request's id.
  const unreported = new WeakMap<Error, Unreported>();
  const mask = (error: unknown): Error => {
    // The runtime can present an already masked error again (request-level handling).
    if (error instanceof Error && masked.has(error)) return error;
    if (error instanceof GraphQLError && isDeliberate(error)) return withoutInternals(error);
    const details = {
      err: error,
      path: error instanceof GraphQLError ? error.path : undefined,
      subgraph:
        error instanceof GraphQLError ? error.extensions[SUBGRAPH_NAME_EXTENSION] : undefined,
    };
    const fault = error instanceof GraphQLError && subgraphFault(error, subgraphTimeoutMs);
    if (fault) {
      masked.add(fault);
      const msg = `subgraph call failed: ${String(fault.extensions.code)}`;
      unreported.set(fault, { level: 'warn', msg, details });
      return fault;
    }
    const original = error instanceof GraphQLError ? error : undefined;
    const replacement = new GraphQLError('Internal server error', {
      nodes: original?.nodes,
      source: original?.source,
      positions: original?.positions,
      path: original?.path,
      // `http` (a status to answer with) and `unexpected` (answer 500 when there is no data)
      // steer the HTTP response; the runtime strips both from what the client receives.
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        unexpected: true,
        ...(original?.extensions.http ? { http: original.extensions.http } : {}),
      },
    });
    masked.add(replacement);
    unreported.set(replacement, {
      level: 'error',
      msg: 'unexpected error; the client receives an internal error',
      details,
    });
    return replacement;
  };
  return Object.assign(mask, {
    reportMasked(error: unknown, requestId: string) {
      if (!(error instanceof Error)) return;
      const entry = unreported.get(error);
      if (!entry) return;
      unreported.delete(error);
      logger[entry.level]({ requestId, ...entry.details }, entry.msg);
    },
  });
}

interface Unreported {
  level: 'warn' | 'error';
  msg: string;
  details: Record<string, unknown>;
}

function isDeliberate(error: GraphQLError): boolean {
  const code = error.extensions.code;
  if (typeof code === 'string') return EXPOSED_CODES.has(code);
  // A plugin refusing a request (a missing token, say) may give only an HTTP status.
  // A subgraph cannot earn this exemption.
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return (
    !(SUBGRAPH_NAME_EXTENSION in error.extensions) &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
  );
}

// Returning the same error when there is nothing to remove also tells the runtime that
// nothing was masked, so it does not log a client's mistake as a server error.
function withoutInternals(error: GraphQLError): GraphQLError {
  if (!INTERNAL_EXTENSIONS.some((key) => key in error.extensions)) return error;
  const extensions = Object.fromEntries(
    Object.entries(error.extensions).filter(([key]) => !INTERNAL_EXTENSIONS.includes(key)),
  );
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}
