import { GraphQLScalarType, Kind } from 'graphql';

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Masked dates keep only their year (or year and month): ISO 8601 reduced precision.
const REDUCED_DATE = /^\d{4}(-\d{2})?$/;

function isCalendarDate(value: string): boolean {
  return FULL_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function serializeDate(value: unknown): string {
  if (typeof value === 'string' && (isCalendarDate(value) || REDUCED_DATE.test(value)))
    return value;
  throw new TypeError('a Date must be a calendar date written YYYY-MM-DD (or YYYY when masked)');
}

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new TypeError('a Date argument must be a calendar date written YYYY-MM-DD');
}

/** A calendar date without a time zone; every agency uses the same scalar. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description:
    'A calendar date without a time of day or time zone, written YYYY-MM-DD. Where policy releases only a masked form, the date is reduced to its year (YYYY), as ISO 8601 allows.',
  serialize: serializeDate,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
