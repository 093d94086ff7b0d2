import { listLoader } from '../../platform/loaders/loaders';
import type { SocialRepositories } from './repositories';

/** The Social Insurance Board's per-request loaders: one SQL statement per field and level. */
export function createSocialLoaders(repositories: SocialRepositories) {
  const { benefitClaims } = repositories;
  return {
    benefitClaimsByClaimant: listLoader(
      (nationalIds: readonly string[]) => benefitClaims.findByClaimants(nationalIds),
      (claim) => claim.claimantId,
    ),
  };
}

export type SocialLoaders = ReturnType<typeof createSocialLoaders>;
