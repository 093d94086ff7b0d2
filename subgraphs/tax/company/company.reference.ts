import type { Company } from './company.type';

/**
 * Resolves `Company` references without a lookup: the business register owns the company,
 * and the tax debt is loaded by registry code anyway.
 */
export function resolveCompanyReference(reference: { registryCode: string }): Company {
  return { registryCode: reference.registryCode };
}
