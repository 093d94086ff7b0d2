import type { PersonaName } from '../../../demo/identity/personas';

/** A token the identity provider never issued, or issued wrongly, for a persona. */
export type ForgedToken =
  | 'alg-none'
  | 'hs256-public-key'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'bad-signature'
  | 'unknown-key'
  | 'garbage'
  | 'role-not-held'
  | 'unknown-role';

/** Who a hostile request claims to be: a demo persona, or a forged token. */
export type Credential = { persona: PersonaName } | { forged: ForgedToken };

/** One HTTP request, as sent to the gateway's GraphQL endpoint. */
export interface HostileRequest {
  /** Default POST. */
  method?: string;
  /** Added to the endpoint's URL as its query string (GET requests). */
  search?: Record<string, string>;
  /** Default for a body: `content-type: application/json`; `accept` is the GraphQL response type. */
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as it is: malformed JSON, other media types. */
  body?: string;
  /** The bearer token sent, if any. */
  as?: Credential;
}

/** What the gateway must answer. */
export interface ExpectedAnswer {
  status: number;
  /**
   * The `extensions.code` of the first error; `null`: the answer has no GraphQL errors
   * (a request at a limit, answered; or a refusal of the HTTP layer without a JSON body).
   */
  code: string | null;
}

/** One hostile request and the answer it must get. */
export interface HostileCase {
  /** Unique in the corpus. */
  name: string;
  /** What it attacks, in a few words. */
  attacks: string;
  request: HostileRequest;
  expect: ExpectedAnswer;
  /**
   * The request may reach a subgraph (refused there, or answered). Unset: the gateway
   * refuses it before planning, and no subgraph is called.
   */
  reachesSubgraphs?: boolean;
}

/** A family of cases: one file of the corpus. */
export interface CorpusCategory {
  category: string;
  cases: HostileCase[];
}
