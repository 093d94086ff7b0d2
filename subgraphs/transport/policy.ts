import { accessLogTypes, auditTrail } from '../../platform/accessLog/accessLogPolicy';
import { defineFieldPolicy, joinKey } from '../../platform/policy/fieldPolicy';

/** How sensitive each field of the transport authority is. */
export const transportPolicy = defineFieldPolicy('transport', {
  Query: { subject: 'none', fields: { vehicle: 'public' } },
  Person: {
    subject: { property: 'nationalId' },
    fields: {
      id: joinKey,
      accessLogTransport: auditTrail,
      vehicles: 'personal',
      drivingLicence: 'personal',
    },
  },
  Vehicle: {
    subject: { property: 'ownerId' },
    fields: {
      id: joinKey,
      registrationNumber: 'personal',
      make: 'personal',
      model: 'personal',
      firstRegistered: 'personal',
      fuel: 'personal',
      colour: 'personal',
      owner: 'personal',
    },
  },
  DrivingLicence: {
    subject: { property: 'holderId' },
    fields: {
      licenceNumber: 'personal',
      categories: 'personal',
      issuedOn: 'personal',
      validUntil: 'personal',
    },
  },
  ...accessLogTypes('transport'),
});
