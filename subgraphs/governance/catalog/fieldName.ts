const FIELD_NAME = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*|\*)$/;

/** A field as agreements and consents name it: `Type.field`, or `Type.*` for a whole type. */
export interface FieldName {
  type: string;
  /** A field name, or `*`. */
  field: string;
}

export function parseFieldName(name: string): FieldName | null {
  const match = FIELD_NAME.exec(name);
  return match ? { type: match[1]!, field: match[2]! } : null;
}
