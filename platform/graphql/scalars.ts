import { GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseIsoDate(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !ISO_DATE.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  ) {
    throw new TypeError('a Date must be a calendar date written YYYY-MM-DD');
  }
  return value;
}

/** A calendar date without a time zone (YYYY-MM-DD); every agency uses the same scalar. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date without a time of day or time zone, written YYYY-MM-DD.',
  serialize: parseIsoDate,
  parseValue: parseIsoDate,
  parseLiteral: (ast) => parseIsoDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
