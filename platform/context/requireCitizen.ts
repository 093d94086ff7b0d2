import { clientError } from '../errors/clientErrors';
import { ErrorCode } from '../errors/ErrorCode';
import type { Caller } from './Caller';

/** The national ID of a signed-in citizen; any other caller gets UNAUTHENTICATED. */
export function requireCitizen(caller: Caller): string {
  if (caller.kind === 'citizen') return caller.subject;
  throw clientError(
    ErrorCode.UNAUTHENTICATED,
    'This field needs a signed-in citizen (a token with a national ID as subject)',
  );
}
