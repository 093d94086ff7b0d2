import { badUserInput } from '../errors/clientErrors';
import { isValidNationalId } from './nationalId';

/** Rejects an argument that is not a well-formed national ID, naming the argument. */
export function assertNationalId(value: string, argumentName: string): void {
  if (!isValidNationalId(value)) {
    throw badUserInput(
      `"${argumentName}" must be an 11-digit national ID with a valid check digit`,
      argumentName,
    );
  }
}
