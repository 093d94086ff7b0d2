import { registerEnumType } from 'type-graphql';

/** Where a benefit claim stands. */
export enum BenefitClaimStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  ENDED = 'ENDED',
}

registerEnumType(BenefitClaimStatus, {
  name: 'BenefitClaimStatus',
  description: 'Where a benefit claim stands.',
  valuesConfig: {
    PENDING: { description: 'Received and not yet decided.' },
    APPROVED: { description: 'Granted; the benefit is paid from `since`.' },
    REJECTED: { description: 'Decided against the claimant; nothing is paid.' },
    ENDED: { description: 'Was paid and has stopped, on `until`.' },
  },
});
