/**
 * How sensitive a field is. Every field of every subgraph has exactly one; a field without
 * one stops the subgraph from building (deny by default, enforced before run time).
 */
export type Classification = 'public' | 'internal' | 'personal' | 'special-category' | 'aggregate';

export const CLASSIFICATIONS: readonly Classification[] = [
  'public',
  'internal',
  'personal',
  'special-category',
  'aggregate',
];

export const CLASSIFICATION_MEANING: Record<Classification, string> = {
  public: 'Open data: anyone may read it, no purpose needed.',
  internal: 'Not about a person, but not open: read under a data-sharing agreement.',
  personal:
    'Personal data (GDPR art. 4): read by the person it is about, or under an agreement for a declared purpose.',
  'special-category':
    'Special-category personal data (GDPR art. 9, such as health): read by the person, or under an agreement with an explicit legal basis or with consent.',
  aggregate:
    'A statistical variable: released to an organisation under an agreement only as counts, sums and means of groups, with disclosure control, never per person.',
};
