import { badUserInput } from '../../../platform/errors/clientErrors';

// Standard plates are three digits and three letters; personalised plates are shorter or
// longer, so only the alphabet and length are checked.
const REGISTRATION_NUMBER = /^[A-Z0-9]{2,9}$/;

/** Rejects an argument that cannot be a registration number, naming the argument. */
export function assertRegistrationNumber(value: string, argumentName: string): void {
  if (!REGISTRATION_NUMBER.test(value)) {
    throw badUserInput(
      `"${argumentName}" must be a registration number of 2 to 9 capital letters and digits, without spaces`,
      argumentName,
    );
  }
}
