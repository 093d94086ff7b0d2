import { transportStatistics } from './statistics/statistics';
import { accessLogTypes } from '../../platform/accessLog/accessLogPolicy';
import {
  defineFieldPolicy,
  identifying,
  joinKey,
  personal,
} from '../../platform/policy/fieldPolicy';

/** How sensitive each field of the transport authority is. */
export const transportPolicy = defineFieldPolicy('transport', {
  Query: {
    subject: 'none',
    // A lookup by registration number: only for callers who may identify the owner.
    fields: { vehicle: { classification: 'public', identifiedOnly: true } },
  },
  Person: {
    subject: { property: 'nationalId' },
    fields: {
      id: joinKey,
      vehicles: personal({ leadsTo: 'same-subject' }),
      drivingLicence: personal({ leadsTo: 'same-subject' }),
    },
  },
  Vehicle: {
    subject: { property: 'ownerId' },
    fields: {
      id: joinKey,
      registrationNumber: identifying,
      make: 'personal',
      model: 'personal',
      firstRegistered: 'personal',
      fuel: 'personal',
      colour: 'personal',
      owner: personal({ leadsTo: 'same-subject' }),
    },
  },
  DrivingLicence: {
    subject: { property: 'holderId' },
    fields: {
      licenceNumber: identifying,
      categories: 'personal',
      issuedOn: 'personal',
      validUntil: 'personal',
    },
  },
  ...accessLogTypes('transport'),
  ...transportStatistics.policyTypes,
});
