import { accessLogTypes, auditTrail } from '../../platform/accessLog/accessLogPolicy';
import { defineFieldPolicy, joinKey } from '../../platform/policy/fieldPolicy';

/** How sensitive each field of the social insurance board is. */
export const socialPolicy = defineFieldPolicy('social', {
  Person: {
    subject: { property: 'nationalId' },
    fields: { id: joinKey, accessLogSocial: auditTrail, benefitClaims: 'personal' },
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
});
