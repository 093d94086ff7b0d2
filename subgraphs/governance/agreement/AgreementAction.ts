import { registerEnumType } from 'type-graphql';

/** What a change did to an agreement; the values are the governance store's spelling. */
export enum AgreementAction {
  GRANTED = 'granted',
  CHANGED = 'changed',
  REVOKED = 'revoked',
}

registerEnumType(AgreementAction, {
  name: 'AgreementAction',
  description: 'What a change in the register did to an agreement.',
  valuesConfig: {
    GRANTED: { description: 'The agreement was entered in the register.' },
    CHANGED: { description: 'Its terms or status changed.' },
    REVOKED: { description: 'It was terminated.' },
  },
});
