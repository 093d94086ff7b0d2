import { socialStatistics } from './statistics/statistics';
import { accessLogTypes } from '../../platform/accessLog/accessLogPolicy';
import { defineFieldPolicy, joinKey, personal } from '../../platform/policy/fieldPolicy';

/** How sensitive each field of the social insurance board is. */
export const socialPolicy = defineFieldPolicy('social', {
  Person: {
    subject: { property: 'nationalId' },
    fields: {
      id: joinKey,
      benefitClaims: personal({ leadsTo: 'same-subject' }),
    },
  },
  BenefitClaim: {
    subject: { property: 'claimantId' },
    fields: {
      benefit: 'personal',
      status: 'personal',
      monthlyAmount: 'personal',
      since: 'personal',
      until: 'personal',
    },
  },
  ...accessLogTypes('social'),
  ...socialStatistics.policyTypes,
});
