import { registerEnumType } from 'type-graphql';
import { CLASSIFICATION_MEANING } from '../../../platform/policy/classification';

/** How sensitive a field is; the values are the field policies' own spelling. */
export enum ClassificationEnum {
  PUBLIC = 'public',
  INTERNAL = 'internal',
  PERSONAL = 'personal',
  SPECIAL_CATEGORY = 'special-category',
  AGGREGATE = 'aggregate',
}

registerEnumType(ClassificationEnum, {
  name: 'Classification',
  description: 'How sensitive a field is; every field of the graph has exactly one.',
  valuesConfig: {
    PUBLIC: { description: CLASSIFICATION_MEANING.public },
    INTERNAL: { description: CLASSIFICATION_MEANING.internal },
    PERSONAL: { description: CLASSIFICATION_MEANING.personal },
    SPECIAL_CATEGORY: { description: CLASSIFICATION_MEANING['special-category'] },
    AGGREGATE: { description: CLASSIFICATION_MEANING.aggregate },
  },
});
