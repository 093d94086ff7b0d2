import type { SignedStatement, WitnessedStatement } from './LogStatement';

/**
 * Somewhere outside an agency's schema and role that keeps what the agency signed about its
 * access log, so that a later rewrite of the log shows. A witness never needs to trust the
 * statements it holds: the verifier checks every signature.
 */
export interface Witness {
  /** A short name for reports, e.g. `governance.witnessed_head`. */
  readonly name: string;
  /** Keeps a signed head or checkpoint; resolves once it is durably kept. */
  publish(signed: SignedStatement): Promise<void>;
  /** Everything kept for one agency, oldest first. */
  heads(agency: string): Promise<WitnessedStatement[]>;
}
