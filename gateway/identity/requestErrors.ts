import type { GraphQLError } from 'graphql';
import { clientError } from '../../platform/errors/clientErrors';
import { ErrorCode } from '../../platform/errors/ErrorCode';

/** A refused credential: HTTP 401 with `UNAUTHENTICATED`, before anything is executed. */
export function unauthenticated(message: string): GraphQLError {
  return clientError(ErrorCode.UNAUTHENTICATED, message, {
    http: { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
  });
}

/** A malformed request header: HTTP 400 with `BAD_USER_INPUT`, naming the header. */
export function badHeader(header: string, message: string): GraphQLError {
  return clientError(ErrorCode.BAD_USER_INPUT, message, { header, http: { status: 400 } });
}

/**
 * A verified token that claims more than its organisation may hold: HTTP 403 with `FORBIDDEN`,
 * before anything is executed. Refused rather than trimmed, so that a misissued token is noticed.
 */
export function forbiddenCredential(message: string): GraphQLError {
  return clientError(ErrorCode.FORBIDDEN, message, {
    http: { status: 403, headers: { 'www-authenticate': 'Bearer error="insufficient_scope"' } },
  });
}
