import { registerEnumType } from 'type-graphql';

/** Who received data, as the access log records it (its `caller_kind`). */
export enum CallerKind {
  CITIZEN = 'citizen',
  ORGANISATION = 'organisation',
  PUBLIC = 'public',
}

registerEnumType(CallerKind, {
  name: 'CallerKind',
  description: 'Who received the data.',
  valuesConfig: {
    CITIZEN: { description: 'A signed-in person, reading their own data.' },
    ORGANISATION: { description: 'An official or a system of an organisation.' },
    PUBLIC: { description: 'An anonymous caller.' },
  },
});
