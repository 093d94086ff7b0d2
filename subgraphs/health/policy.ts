import { accessLogTypes } from '../../platform/accessLog/accessLogPolicy';
import { defineFieldPolicy, joinKey, specialCategory } from '../../platform/policy/fieldPolicy';

/** How sensitive each field of the health board is: health data is special-category (GDPR art. 9). */
export const healthPolicy = defineFieldPolicy('health', {
  Person: {
    subject: { property: 'nationalId' },
    fields: {
      id: joinKey,
      vaccinations: specialCategory({ leadsTo: 'same-subject' }),
      gp: specialCategory({ leadsTo: 'same-subject' }),
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
