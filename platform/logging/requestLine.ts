import type { Caller } from '../context/Caller';

/**
 * The fields of a request's log line: who asked (the kind of caller and its organisation,
 * never a person's or a token's subject), why, what and how it went. Nothing of the request's
 * variables or of its answer is ever part of it.
 */
export interface RequestLine {
  requestId: string | null;
  callerKind: Caller['kind'] | null;
  organisation: string | null;
  purpose: string | null;
  operationName: string | null;
  durationMs: number;
  status: 'ok' | 'error';
  errorCodes: string[];
}

/** The caller's kind and organisation, the only parts of a caller a log line carries. */
export function callerFields(
  caller: Caller | undefined,
): Pick<RequestLine, 'callerKind' | 'organisation'> {
  return {
    callerKind: caller?.kind ?? null,
    organisation: caller?.kind === 'organisation' ? caller.organisation : null,
  };
}

/** The distinct `extensions.code` of a response's errors, in order of first appearance. */
export function errorCodesOf(
  errors: readonly { extensions?: Record<string, unknown> }[] | undefined,
): string[] {
  const codes = new Set<string>();
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    codes.add(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
  }
  return [...codes];
}

/** Milliseconds since `start` (a `performance.now()`), to a tenth. */
export function millisecondsSince(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
