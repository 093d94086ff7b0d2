/**
 * Who is asking, as the gateway verified it from the client's token and vouched for in its
 * signed gateway token: the anonymous `public` caller (no token), a citizen signed in with
 * their national ID, or a member or system of an organisation with its roles there.
 */
export type Caller =
  | { kind: 'public' }
  | { kind: 'citizen'; subject: string }
  | { kind: 'organisation'; subject: string; organisation: string; roles: string[] };

export const PUBLIC_CALLER: Caller = Object.freeze({ kind: 'public' });
