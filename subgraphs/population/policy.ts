import { populationStatistics } from './statistics/statistics';
import { accessLogTypes } from '../../platform/accessLog/accessLogPolicy';
import {
  defineFieldPolicy,
  identifying,
  joinKey,
  personal,
} from '../../platform/policy/fieldPolicy';
import { keep, yearOnly } from '../../platform/policy/masks';

/** How sensitive each field of the population register is, and its masked forms. */
export const populationPolicy = defineFieldPolicy('population', {
  Query: {
    subject: 'none',
    fields: {
      // A lookup by national ID: only for callers who may identify the person found.
      person: { classification: 'public', identifiedOnly: true },
      people: 'public',
      // The signed-in citizen's own record: identified by the token, so under the same rule.
      me: { classification: 'public', identifiedOnly: true },
    },
  },
  Person: {
    subject: { property: 'nationalId' },
    fields: {
      id: joinKey,
      nationalId: identifying,
      givenName: identifying,
      familyName: identifying,
      dateOfBirth: personal({ mask: yearOnly }),
      sex: 'personal',
      dateOfDeath: 'personal',
      address: personal({ mask: keep }),
      household: 'personal',
      parents: personal({ leadsTo: 'other-subjects', maxItems: 2 }),
      children: personal({ leadsTo: 'other-subjects', maxItems: 20 }),
    },
  },
  Address: {
    subject: 'inherit',
    fields: {
      street: identifying,
      postalCode: 'personal',
      city: 'personal',
      municipality: personal({ mask: keep }),
    },
  },
  Household: {
    subject: 'inherit',
    fields: {
      id: 'personal',
      address: 'personal',
      members: personal({ leadsTo: 'other-subjects', maxItems: 30 }),
    },
  },
  PersonConnection: { subject: 'none', fields: { nodes: 'public', pageInfo: 'public' } },
  PageInfo: { subject: 'none', fields: { endCursor: 'public', hasNextPage: 'public' } },
  ...accessLogTypes('population'),
  ...populationStatistics.policyTypes,
});
