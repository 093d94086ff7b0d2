import { registerEnumType } from 'type-graphql';

/** The kind of lawful ground an agreement rests on; the values are the governance store's spelling. */
export enum LegalBasisKind {
  LAW = 'law',
  PUBLIC_TASK = 'public-task',
  CONSENT = 'consent',
  CONTRACT = 'contract',
}

registerEnumType(LegalBasisKind, {
  name: 'LegalBasisKind',
  description:
    'The kind of lawful ground for processing an agreement rests on (GDPR art. 6 and 9).',
  valuesConfig: {
    LAW: { description: 'A legal obligation the consumer must fulfil (art. 6(1)(c)).' },
    PUBLIC_TASK: { description: 'A task carried out in the public interest (art. 6(1)(e)).' },
    CONSENT: {
      description:
        "The person's consent (art. 6(1)(a)): data is released only about people who gave it.",
    },
    CONTRACT: { description: 'A contract with the person (art. 6(1)(b)).' },
  },
});
