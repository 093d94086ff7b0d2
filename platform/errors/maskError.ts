import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnreachable } from '../db/isDatabaseUnreachable';
import { DATA_SOURCE_UNAVAILABLE_MESSAGE } from './dataSourceUnavailable';
import { ErrorCode } from './ErrorCode';

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Turns any error into what a client may see: errors thrown on purpose keep their message
 * and code; the agency's database being unreachable becomes DATA_SOURCE_UNAVAILABLE (no
 * address, no driver message); everything else becomes a bare internal error. Both of the
 * last are reported through `report`.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  original: unknown,
  report: (error: unknown) => void,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (
    typeof code === 'string' &&
    CLIENT_CODES.has(code) &&
    code !== ErrorCode.INTERNAL_SERVER_ERROR
  ) {
    // An outage is the client's answer, and the operator's to know about.
    if (code === ErrorCode.DATA_SOURCE_UNAVAILABLE) report(original);
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  report(original);
  if (isDatabaseUnreachable(original)) {
    return {
      message: DATA_SOURCE_UNAVAILABLE_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: ErrorCode.DATA_SOURCE_UNAVAILABLE },
    };
  }
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
