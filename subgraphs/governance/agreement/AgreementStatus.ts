import { registerEnumType } from 'type-graphql';

/** Where an agreement stands; the values are the governance store's own spelling. */
export enum AgreementStatus {
  PROPOSED = 'proposed',
  ACTIVE = 'active',
  SUSPENDED = 'suspended',
  REVOKED = 'revoked',
}

registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'Where a data-sharing agreement stands.',
  valuesConfig: {
    PROPOSED: {
      description:
        "Entered in the register but not yet approved by the providing agency's data controller: never applied.",
    },
    ACTIVE: { description: 'Signed and applied, within its validity period.' },
    SUSPENDED: { description: 'Temporarily not applied; it may be resumed.' },
    REVOKED: { description: 'Terminated for good; a new agreement is needed to share again.' },
  },
});
