import { PUBLIC_CALLER } from '../../platform/context/Caller';
import { isPrintableId, isPurposeCode } from '../../platform/identity/requestCodes';
import type { RequestIdentity } from '../../platform/identity/RequestIdentity';
import type { ClientTokenVerifier } from './createClientTokenVerifier';
import { REQUEST_ID_HEADER } from './requestIds';
import { badHeader, unauthenticated } from './requestErrors';

export const PURPOSE_HEADER = 'x-purpose';
export const CASE_ID_HEADER = 'x-case-id';

const BEARER = /^Bearer +([^\s]+)$/i;

/**
 * Who asks and why, from a client request: the caller of its bearer token (the public caller
 * without one), its declared purpose and case. Throws a client error for a token that does not
 * verify (401) or a malformed header (400).
 */
export async function readRequestIdentity(
  request: Request,
  requestId: string,
  verifyToken: ClientTokenVerifier,
): Promise<RequestIdentity> {
  const authorization = request.headers.get('authorization');
  let caller = PUBLIC_CALLER;
  if (authorization !== null) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw unauthenticated('The Authorization header must be "Bearer <access token>"');
    caller = await verifyToken(token);
  }
  const purpose = request.headers.get(PURPOSE_HEADER);
  if (purpose !== null && !isPurposeCode(purpose))
    throw badHeader(
      PURPOSE_HEADER,
      `${PURPOSE_HEADER} must be a purpose code: lowercase letters, digits and hyphens, at most 64 characters`,
    );
  const caseId = request.headers.get(CASE_ID_HEADER);
  if (caseId !== null && !isPrintableId(caseId))
    throw badHeader(
      CASE_ID_HEADER,
      `${CASE_ID_HEADER} must be printable ASCII of at most 128 characters`,
    );
  // The client's own id is only a correlation id, echoed and logged; it still must be sane.
  const correlationId = request.headers.get(REQUEST_ID_HEADER);
  if (correlationId !== null && !isPrintableId(correlationId))
    throw badHeader(
      REQUEST_ID_HEADER,
      `${REQUEST_ID_HEADER} must be printable ASCII of at most 128 characters`,
    );
  return { requestId, caller, purpose, caseId };
}
