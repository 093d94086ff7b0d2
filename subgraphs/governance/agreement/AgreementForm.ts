import { registerEnumType } from 'type-graphql';

/** In which form an agreement releases data; the values are the governance store's spelling. */
export enum AgreementForm {
  FULL = 'full',
  MASKED = 'masked',
}

registerEnumType(AgreementForm, {
  name: 'AgreementForm',
  description: 'In which form an agreement releases the fields it names.',
  valuesConfig: {
    FULL: { description: 'The values as registered.' },
    MASKED: {
      description:
        'Only masked forms (a birth year, an income band, a municipality); fields without one are not released.',
    },
  },
});
