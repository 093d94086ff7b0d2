/** A purpose code: lowercase letters, digits and hyphens, at most 64 characters. */
const PURPOSE_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** An organisation code has the shape of a purpose code: `social-insurance`, `demo-bank`. */
const ORGANISATION_CODE = PURPOSE_CODE;

/** Printable ASCII, no surrounding spaces, at most 128 characters. */
const PRINTABLE_ID = /^[\x21-\x7e](?:[\x20-\x7e]{0,126}[\x21-\x7e])?$/;

/** True for a well-formed purpose code, e.g. `benefit-eligibility`. */
export function isPurposeCode(value: string): boolean {
  return PURPOSE_CODE.test(value);
}

/** True for a well-formed organisation code, e.g. `social-insurance`. */
export function isOrganisationCode(value: string): boolean {
  return ORGANISATION_CODE.test(value);
}

/** True for a case id or request id a client may send: printable, at most 128 characters. */
export function isPrintableId(value: string): boolean {
  return PRINTABLE_ID.test(value);
}
