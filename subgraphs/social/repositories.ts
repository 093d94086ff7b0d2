import type { Db } from '../../platform/db/createDb';
import { BenefitClaimRepository } from './benefitClaim/benefitClaim.repository';

/** Every repository of the Social Insurance Board, made once per process. */
export function createSocialRepositories(db: Db) {
  return { benefitClaims: new BenefitClaimRepository(db) };
}

export type SocialRepositories = ReturnType<typeof createSocialRepositories>;
