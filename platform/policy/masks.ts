/** A masked form of a field's value; it must stay valid for the field's GraphQL type. */
export type Mask = (value: unknown) => unknown;

/** The value is coarse already (a municipality, an income band): the masked form is itself. */
export const keep: Mask = (value) => value;

/** A national ID with its serial and check digits hidden: `48507120002` becomes `4850712****`. */
export const partialNationalId: Mask = (value) =>
  typeof value === 'string' && value.length > 4 ? `${value.slice(0, -4)}****` : null;

/** A date of birth reduced to its year (ISO 8601 reduced precision): `1985-07-12` becomes `1985`. */
export const yearOnly: Mask = (value) => (typeof value === 'string' ? value.slice(0, 4) : null);
