import { GraphQLScalarType } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/**
 * An instant, written as an RFC 3339 string at UTC (`2026-11-27T09:30:00.000Z`). Always
 * serialised as a string, so results are the same in-process and over HTTP. One instance for
 * every subgraph: a schema may hold only one type of a name.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeISOResolver.toConfig(),
  name: 'DateTime',
  description:
    'An instant, written as an RFC 3339 date-time at UTC, such as 2026-11-27T09:30:00.000Z.',
});
