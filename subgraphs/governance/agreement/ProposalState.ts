import { registerEnumType } from 'type-graphql';

/** Where a proposal stands; the values are the governance store's spelling. */
export enum ProposalState {
  PENDING = 'pending',
  APPROVED = 'approved',
  SUPERSEDED = 'superseded',
}

registerEnumType(ProposalState, {
  name: 'ProposalState',
  description: 'Where a proposed agreement or change of an agreement stands.',
  valuesConfig: {
    PENDING: { description: "Awaiting the providing agency's data controller; not applied." },
    APPROVED: { description: 'Approved: it took effect as the version it names.' },
    SUPERSEDED: {
      description:
        'Never applied: the agreement changed, was revoked or was proposed again before approval.',
    },
  },
});
