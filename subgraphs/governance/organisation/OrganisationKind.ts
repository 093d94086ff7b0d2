import { registerEnumType } from 'type-graphql';

/** What kind of organisation takes part in data sharing; the values are the store's spelling. */
export enum OrganisationKind {
  AGENCY = 'agency',
  PUBLIC_BODY = 'public-body',
  PRIVATE = 'private',
}

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of organisation takes part in data sharing.',
  valuesConfig: {
    AGENCY: { description: 'A government agency that keeps a register.' },
    PUBLIC_BODY: { description: 'Another public authority.' },
    PRIVATE: { description: 'A private company, which may receive data only on a legal basis.' },
  },
});
