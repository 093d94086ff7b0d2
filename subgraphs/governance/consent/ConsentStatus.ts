import { registerEnumType } from 'type-graphql';

/** Where a consent stands. */
export enum ConsentStatus {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}

registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  description: 'Where a consent stands.',
  valuesConfig: {
    ACTIVE: { description: 'In force: the organisation may read the named fields.' },
    WITHDRAWN: { description: 'Withdrawn by the person; nothing more is released under it.' },
    EXPIRED: { description: 'Past its expiry; nothing more is released under it.' },
  },
});
