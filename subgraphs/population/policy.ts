import { accessLogTypes, auditTrail } from '../../platform/accessLog/accessLogPolicy';
import { defineFieldPolicy, joinKey, personal } from '../../platform/policy/fieldPolicy';
import { keep, partialNationalId, yearOnly } from '../../platform/policy/masks';

/** How sensitive each field of the population register is, and its masked forms. */
export const populationPolicy = defineFieldPolicy('population', {
  Query: { subject: 'none', fields: { person: 'public', people: 'public', me: 'public' } },
  Person: {
    subject: { property: 'nationalId' },
    fields: {
      id: joinKey,
      accessLogPopulation: auditTrail,
      nationalId: personal({ mask: partialNationalId }),
      givenName: 'personal',
      familyName: 'personal',
      dateOfBirth: personal({ mask: yearOnly }),
      sex: 'personal',
      dateOfDeath: 'personal',
      address: personal({ mask: keep }),
      household: 'personal',
      parents: 'personal',
      children: 'personal',
    },
  },
  Address: {
    subject: 'inherit',
    fields: {
      street: 'personal',
      postalCode: 'personal',
      city: 'personal',
      municipality: personal({ mask: keep }),
    },
  },
  Household: {
    subject: 'inherit',
    fields: { id: 'personal', address: 'personal', members: 'personal' },
  },
  PersonConnection: { subject: 'none', fields: { nodes: 'public', pageInfo: 'public' } },
  PageInfo: { subject: 'none', fields: { endCursor: 'public', hasNextPage: 'public' } },
  ...accessLogTypes('population'),
});
