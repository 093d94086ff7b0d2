import type { GovernanceContext } from '../context';
import type { Agreement } from './agreement.type';

/** Resolves `Agreement` references of other subgraphs through the per-request loader. */
export function resolveAgreementReference(
  reference: { id: string },
  { loaders }: GovernanceContext,
): Promise<Agreement | null> {
  return loaders.agreementById.load(reference.id);
}
