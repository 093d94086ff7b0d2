import { accessLogTypes, auditTrail } from '../../platform/accessLog/accessLogPolicy';
import { defineFieldPolicy, joinKey } from '../../platform/policy/fieldPolicy';

/** How sensitive each field of the health board is: health data is special-category (GDPR art. 9). */
export const healthPolicy = defineFieldPolicy('health', {
  Person: {
    subject: { property: 'nationalId' },
    fields: {
      id: joinKey,
      accessLogHealth: auditTrail,
      vaccinations: 'special-category',
      gp: 'special-category',
    },
  },
  Vaccination: {
    subject: { property: 'patientId' },
    fields: { vaccine: 'special-category', date: 'special-category', dose: 'special-category' },
  },
  GpRegistration: {
    subject: { property: 'patientId' },
    fields: {
      practice: 'special-category',
      physician: 'special-category',
      since: 'special-category',
    },
  },
  ...accessLogTypes('health'),
});
