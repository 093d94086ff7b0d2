import type { GraphQLError } from 'graphql';
import { clientError } from '../../../platform/errors/clientErrors';
import { ErrorCode } from '../../../platform/errors/ErrorCode';

/** A BAD_USER_INPUT error naming every problem at once (also listed in `extensions.problems`). */
export function invalidInput(what: string, problems: readonly string[]): GraphQLError {
  return clientError(ErrorCode.BAD_USER_INPUT, `${what}: ${problems.join('; ')}`, {
    problems: [...problems],
  });
}

/** Refuses an input when there is any problem with it. */
export function refuseIfProblems(what: string, problems: readonly string[]): void {
  if (problems.length > 0) throw invalidInput(what, problems);
}

/** The values listed more than once. */
export function duplicatesIn(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}
