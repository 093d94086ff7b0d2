import type { BusinessContext } from '../context';
import type { Company } from './company.type';

/** Resolves `Company` references from other agencies through the per-request loader. */
export function resolveCompanyReference(
  reference: { registryCode: string },
  { loaders }: BusinessContext,
): Promise<Company | null> {
  return loaders.companyByRegistryCode.load(reference.registryCode);
}
