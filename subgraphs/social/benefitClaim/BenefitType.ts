import { registerEnumType } from 'type-graphql';

/** The benefits the Social Insurance Board pays. */
export enum BenefitType {
  CHILD_ALLOWANCE = 'CHILD_ALLOWANCE',
  PARENTAL_BENEFIT = 'PARENTAL_BENEFIT',
  OLD_AGE_PENSION = 'OLD_AGE_PENSION',
  UNEMPLOYMENT_BENEFIT = 'UNEMPLOYMENT_BENEFIT',
  DISABILITY_ALLOWANCE = 'DISABILITY_ALLOWANCE',
  OTHER = 'OTHER',
}

registerEnumType(BenefitType, {
  name: 'BenefitType',
  description: 'A benefit paid by the Social Insurance Board.',
  valuesConfig: {
    CHILD_ALLOWANCE: { description: 'Monthly allowance paid to a parent for each child.' },
    PARENTAL_BENEFIT: { description: 'Benefit replacing income while a parent cares for a baby.' },
    OLD_AGE_PENSION: { description: 'State pension from the pensionable age.' },
    UNEMPLOYMENT_BENEFIT: { description: 'Benefit paid to a registered unemployed person.' },
    DISABILITY_ALLOWANCE: { description: 'Allowance towards the extra costs of a disability.' },
    OTHER: { description: 'A benefit this version of the graph does not name yet.' },
  },
});
