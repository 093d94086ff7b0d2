import { ErrorCode } from '../errors/ErrorCode';

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** An error's `extensions.code` as a label: one of ours, or `other` (never free text). */
export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'other';
}

/** The request limits whose refusals count as a limit hit, by their error code. */
export const LIMIT_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  ErrorCode.TOO_MANY_TOKENS,
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.TOO_MANY_DIRECTIVES,
  ErrorCode.TOO_MANY_ROOT_FIELDS,
  ErrorCode.TOO_MANY_FIELDS,
  ErrorCode.QUERY_TOO_COSTLY,
  ErrorCode.REQUEST_TOO_LARGE,
  ErrorCode.VARIABLES_TOO_LARGE,
  ErrorCode.RATE_LIMITED,
  ErrorCode.TOO_MANY_SUBJECTS,
  ErrorCode.PRIVACY_BUDGET_EXHAUSTED,
]);
