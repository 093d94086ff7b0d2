import { type Caller, PUBLIC_CALLER } from '../context/Caller';

/**
 * What the gateway vouches for about one request: who asks, why (a purpose code), for which
 * case, and the request's id. The gateway builds it from the client's token and headers; a
 * subgraph receives it only inside a gateway token it has verified.
 */
export interface RequestIdentity {
  readonly requestId: string;
  readonly caller: Caller;
  /** The declared purpose of use (the client's `x-purpose`), if any. */
  readonly purpose: string | null;
  /** The case or document that caused the request (the client's `x-case-id`), if any. */
  readonly caseId: string | null;
}

/** An anonymous request with no declared purpose. */
export function anonymousRequest(requestId: string): RequestIdentity {
  return { requestId, caller: PUBLIC_CALLER, purpose: null, caseId: null };
}
