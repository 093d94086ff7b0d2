import { GraphQLError } from 'graphql';
import { isDatabaseUnreachable } from '../db/isDatabaseUnreachable';
import { ErrorCode } from './ErrorCode';

/** What a client is told when the agency's database cannot be reached. */
export const DATA_SOURCE_UNAVAILABLE_MESSAGE =
  "This agency's database cannot be reached; nothing it holds is released: try again later";

/**
 * A resolver's error as the client should see it when it says the database is unreachable:
 * DATA_SOURCE_UNAVAILABLE, the driver's error kept as `originalError` for the log. Any other
 * error is returned as it is.
 */
export function asDataSourceUnavailable(error: unknown): unknown {
  if (!isDatabaseUnreachable(error)) return error;
  if (error instanceof GraphQLError && error.extensions.code === ErrorCode.DATA_SOURCE_UNAVAILABLE)
    return error;
  return new GraphQLError(DATA_SOURCE_UNAVAILABLE_MESSAGE, {
    originalError: error as Error,
    extensions: { code: ErrorCode.DATA_SOURCE_UNAVAILABLE },
  });
}
