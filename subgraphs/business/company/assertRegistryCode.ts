import { badUserInput } from '../../../platform/errors/clientErrors';

const REGISTRY_CODE = /^\d{8}$/;

/** Rejects an argument that is not an 8-digit registry code, naming the argument. */
export function assertRegistryCode(value: string, argumentName: string): void {
  if (!REGISTRY_CODE.test(value)) {
    throw badUserInput(`"${argumentName}" must be an 8-digit registry code`, argumentName);
  }
}
