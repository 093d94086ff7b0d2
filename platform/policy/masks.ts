/** A masked form of a field's value; it must stay valid for the field's GraphQL type. */
export type Mask = (value: unknown) => unknown;

/** The value is coarse already (a municipality, an income band): the masked form is itself. */
export const keep: Mask = (value) => value;

/** A date of birth reduced to its year (ISO 8601 reduced precision): `1985-07-12` becomes `1985`. */
export const yearOnly: Mask = (value) => (typeof value === 'string' ? value.slice(0, 4) : null);
