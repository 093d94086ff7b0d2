/**
 * Who is asking, as verified by the gateway. Until a request carries a verified identity
 * it is the anonymous `public` caller, which policy treats as the least privileged.
 */
export type Caller =
  | { kind: 'public' }
  | { kind: 'citizen'; subject: string }
  | { kind: 'organisation'; subject: string; organisation: string; roles: string[] };

export const PUBLIC_CALLER: Caller = Object.freeze({ kind: 'public' });
