import { registerEnumType } from 'type-graphql';

/** What policy would do with a field for the caller; one per effect of a field decision. */
export enum AccessDecision {
  ALLOWED = 'ALLOWED',
  MASKED = 'MASKED',
  OWN_DATA_ONLY = 'OWN_DATA_ONLY',
  WITH_CONSENT = 'WITH_CONSENT',
  DENIED = 'DENIED',
}

registerEnumType(AccessDecision, {
  name: 'AccessDecision',
  description: 'What policy does with a field for the caller and the purpose they declared.',
  valuesConfig: {
    ALLOWED: { description: 'Released as registered.' },
    MASKED: { description: 'Released only in its masked form.' },
    OWN_DATA_ONLY: { description: 'Released only on records about the caller themself.' },
    WITH_CONSENT: { description: 'Released only about people who have consented.' },
    DENIED: { description: 'Not released; the reason says what would be needed.' },
  },
});
