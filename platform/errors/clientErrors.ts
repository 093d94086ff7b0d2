import { GraphQLError } from 'graphql';
import { ErrorCode } from './ErrorCode';

/** A GraphQL error meant for the client, with its code in `extensions.code`. */
export function clientError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const notFound = (message: string) => clientError(ErrorCode.NOT_FOUND, message);
export const badUserInput = (message: string, argumentName?: string) =>
  clientError(ErrorCode.BAD_USER_INPUT, message, argumentName ? { argumentName } : {});
export const forbidden = (message: string, extensions: Record<string, unknown> = {}) =>
  clientError(ErrorCode.FORBIDDEN, message, extensions);

/** Whether an error is a client error of this code. */
export function isClientError(error: unknown, code: ErrorCode): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions?.code === code;
}
