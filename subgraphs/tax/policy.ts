import { taxStatistics } from './statistics/statistics';
import { accessLogTypes } from '../../platform/accessLog/accessLogPolicy';
import { defineFieldPolicy, joinKey, personal } from '../../platform/policy/fieldPolicy';
import { keep } from '../../platform/policy/masks';

/** How sensitive each field of the tax board is, and its masked forms. */
export const taxPolicy = defineFieldPolicy('tax', {
  Person: {
    subject: { property: 'nationalId' },
    fields: {
      id: joinKey,
      incomeAssessments: personal({ mask: keep, leadsTo: 'same-subject' }),
      taxDebt: 'personal',
    },
  },
  IncomeAssessment: {
    subject: { property: 'nationalId' },
    fields: {
      year: personal({ mask: keep }),
      taxableIncome: 'personal',
      taxPaid: 'personal',
      incomeBand: personal({ mask: keep }),
    },
  },
  Company: { subject: 'none', fields: { registryCode: 'public', taxDebt: 'internal' } },
  ...accessLogTypes('tax'),
  ...taxStatistics.policyTypes,
});
