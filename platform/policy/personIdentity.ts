import type { AgreementsInForce } from './agreement';
import { type CallerPurpose, decideField } from './decideField';

/** The register that holds who a person is, and the fields that name them there. */
export const IDENTITY_AGENCY = 'population';
export const IDENTITY_FIELDS: readonly string[] = ['nationalId', 'givenName', 'familyName'];

/**
 * Whom a caller may identify, for its declared purpose: everyone (an agreement releases a
 * person's identity in full), only themself (a citizen), only the people who consented, or
 * nobody (the public, and callers granted masked data only).
 */
export type IdentityScope =
  | { kind: 'everyone' }
  | { kind: 'own'; subject: string; reason: string }
  | { kind: 'consented'; fields: readonly string[]; reason: string }
  | { kind: 'nobody'; reason: string };

/**
 * Decides whom a caller may identify: the same decision in every subgraph, made from the
 * agreements register (the identity register's agreements), never from another agency's data.
 */
export function identityScope(
  request: CallerPurpose,
  agreements: AgreementsInForce,
  today: string,
): IdentityScope {
  const { caller, purpose } = request;
  const decisions = IDENTITY_FIELDS.map((field) => ({
    field,
    decision: decideField(
      {
        agency: IDENTITY_AGENCY,
        type: 'Person',
        field,
        rule: { classification: 'personal', identifying: true },
      },
      request,
      agreements,
      today,
    ),
  }));
  if (decisions.some(({ decision }) => decision.effect === 'allow')) return { kind: 'everyone' };
  const who =
    caller.kind === 'organisation'
      ? `${caller.organisation}${purpose ? ` for ${purpose}` : ''}`
      : 'the caller';
  if (caller.kind === 'citizen') {
    return {
      kind: 'own',
      subject: caller.subject,
      reason: 'a citizen may identify only themself',
    };
  }
  const consented = decisions.filter(
    ({ decision }) => decision.effect === 'consent' && !decision.masked,
  );
  if (consented.length > 0) {
    return {
      kind: 'consented',
      fields: consented.map(({ field }) => `Person.${field}`),
      reason: `${who} may identify only people who consented to it`,
    };
  }
  const refusal = decisions.find(({ decision }) => decision.effect === 'deny')?.decision;
  return {
    kind: 'nobody',
    reason:
      refusal?.effect === 'deny'
        ? refusal.reason
        : `only masked data about people is granted to ${who}, which identifies no one`,
  };
}
