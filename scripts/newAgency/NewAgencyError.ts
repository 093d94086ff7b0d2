/** Why the agency generator refused to run; each code names one thing to fix. */
export type NewAgencyErrorCode =
  | 'USAGE'
  | 'NAME_INVALID'
  | 'NAME_TAKEN'
  | 'PORT_INVALID'
  | 'PORT_TAKEN'
  | 'FILE_EXISTS'
  | 'ANCHOR_MISSING';

/** A refusal of the agency generator, with a message that says what to do instead. */
export class NewAgencyError extends Error {
  constructor(
    readonly code: NewAgencyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NewAgencyError';
  }
}
