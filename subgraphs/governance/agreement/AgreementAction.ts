import { registerEnumType } from 'type-graphql';

/** What a change did to an agreement; the values are the governance store's spelling. */
export enum AgreementAction {
  GRANTED = 'granted',
  APPROVED = 'approved',
  CHANGED = 'changed',
  REVOKED = 'revoked',
}

registerEnumType(AgreementAction, {
  name: 'AgreementAction',
  description: 'What a change in the register did to an agreement.',
  valuesConfig: {
    GRANTED: {
      description: 'The agreement was entered in the register (before approvals were required).',
    },
    APPROVED: {
      description:
        "The providing agency's data controller approved a proposal, which took effect as this version.",
    },
    CHANGED: {
      description: 'Its terms or status changed at once (a change that only narrows it).',
    },
    REVOKED: { description: 'It was terminated.' },
  },
});
