import type { Agreement } from './agreement';

/** Why data was released: its legal ground, carried into `extensions.dataUse` and the access log. */
export type Basis =
  | { kind: 'public' }
  | { kind: 'own-data' }
  | { kind: 'agreement'; agreement: Agreement }
  | { kind: 'gateway-join' }
  /** An operation reserved to an audience (managing agreements, giving consent): it releases no data itself. */
  | { kind: 'operation' };

/**
 * What policy says about one field for one request, before looking at the record:
 * - allow / mask: release (masked) for every record;
 * - own-data: release only records about the caller;
 * - consent: release under the agreement only records whose subject consented;
 * - deny: release nothing.
 */
export type FieldDecision =
  | { effect: 'allow'; basis: Basis }
  | { effect: 'mask'; basis: Basis }
  | { effect: 'own-data'; reason: string }
  | { effect: 'consent'; agreement: Agreement; masked: boolean; reason: string }
  | { effect: 'deny'; reason: string };
