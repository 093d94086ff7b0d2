/** Why the schema check could not run (exit code 2), as opposed to finding breaking changes. */
export type SchemaCheckErrorCode =
  'USAGE' | 'BAD_ACKNOWLEDGEMENTS' | 'BASE_NOT_FOUND' | 'BAD_COMMITTED_SCHEMA';

/** A usage or configuration problem of the schema check, named by its code. */
export class SchemaCheckError extends Error {
  override readonly name = 'SchemaCheckError';
  constructor(
    readonly code: SchemaCheckErrorCode,
    message: string,
  ) {
    super(message);
  }
}
