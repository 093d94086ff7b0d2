import type { Caller } from '../context/Caller';
import { type Agreement, type AgreementsInForce, coversField, isInForce } from './agreement';
import type { FieldDecision } from './decision';
import type { Audience, FieldRule } from './fieldPolicy';

export interface FieldRequest {
  agency: string;
  type: string;
  field: string;
  rule: FieldRule | undefined;
}

export interface CallerPurpose {
  caller: Caller;
  purpose: string | null;
}

/**
 * The one place a field is allowed, masked or denied for a caller and purpose. Pure: the
 * same inputs give the same decision, so it is computed once per field per request.
 */
export function decideField(
  { agency, type, field, rule }: FieldRequest,
  { caller, purpose }: CallerPurpose,
  agreements: AgreementsInForce,
  today: string,
): FieldDecision {
  const name = `${agency}/${type}.${field}`;
  if (!rule) return { effect: 'deny', reason: `${name} is not classified, so nobody may read it` };
  if (rule.joinKey) return { effect: 'allow', basis: { kind: 'gateway-join' } };
  if (rule.audience) {
    return rule.audience.some((audience) => isInAudience(caller, audience))
      ? { effect: 'allow', basis: { kind: 'operation' } }
      : {
          effect: 'deny',
          reason: `${name} is reserved to ${rule.audience.map(describeAudience).join(' or ')}`,
        };
  }
  if (rule.classification === 'public') return { effect: 'allow', basis: { kind: 'public' } };
  if (rule.classification === 'aggregate' && caller.kind !== 'organisation') {
    return {
      effect: 'deny',
      reason: `${name} is an aggregate: released only to an organisation under an agreement, for a declared purpose`,
    };
  }

  if (caller.kind === 'public') {
    return { effect: 'deny', reason: `${name} is ${rule.classification} data: sign in to read it` };
  }
  if (caller.kind === 'citizen') {
    return rule.classification === 'internal'
      ? {
          effect: 'deny',
          reason: `${name} is internal data of the ${agency} agency, not about a person`,
        }
      : { effect: 'own-data', reason: `a citizen may read ${name} only about themself` };
  }
  if (!purpose) {
    return {
      effect: 'deny',
      reason: `reading ${name} needs a declared purpose: send the x-purpose header`,
    };
  }

  if (rule.perVariable) return { effect: 'allow', basis: { kind: 'operation' } };
  if (agreements === 'unavailable') {
    return {
      effect: 'deny',
      reason: `the register of data-sharing agreements cannot be reached, so nothing is released under an agreement (${name}) until it answers again`,
    };
  }
  const candidates = agreements.filter(
    (a) =>
      a.provider === agency &&
      a.consumer === caller.organisation &&
      a.purposes.includes(purpose) &&
      isInForce(a, today) &&
      // The access log is granted only by name: a wildcard over a type never reaches it.
      (rule.auditTrail ? a.fields.includes(`${type}.${field}`) : coversField(a, type, field)),
  );
  if (candidates.length === 0) {
    return {
      effect: 'deny',
      reason: `no agreement grants ${name} to ${caller.organisation} for ${purpose}`,
    };
  }
  const lawful =
    rule.classification === 'special-category'
      ? candidates.filter((a) => a.specialCategory || a.legalBasisKind === 'consent')
      : candidates;
  if (lawful.length === 0) {
    return {
      effect: 'deny',
      reason: `${name} is special-category data: agreement ${candidates[0]!.id} does not name an explicit legal basis for it`,
    };
  }
  // An aggregate has one form, the disclosure-controlled table, whatever the agreement's form.
  const usable = lawful.filter(
    (a) => a.form === 'full' || rule.mask !== undefined || rule.classification === 'aggregate',
  );
  if (usable.length === 0) {
    return {
      effect: 'deny',
      reason: `agreement ${lawful[0]!.id} grants ${caller.organisation} only masked data, and ${name} has no masked form`,
    };
  }
  // Prefer an agreement that needs no consent, then the full form over the masked one.
  const ranked = [...usable].sort((a, b) => rank(a) - rank(b));
  const best = ranked[0]!;
  if (best.legalBasisKind === 'consent') {
    return {
      effect: 'consent',
      agreement: best,
      masked: best.form === 'masked',
      reason: `${name} is released to ${caller.organisation} for ${purpose} only with the person's consent (agreement ${best.id})`,
    };
  }
  return {
    effect: best.form === 'full' || rule.classification === 'aggregate' ? 'allow' : 'mask',
    basis: { kind: 'agreement', agreement: best },
  };
}

function rank(agreement: Agreement): number {
  return (agreement.legalBasisKind === 'consent' ? 2 : 0) + (agreement.form === 'masked' ? 1 : 0);
}

function isInAudience(caller: Caller, audience: Audience): boolean {
  if (audience === 'citizen') return caller.kind === 'citizen';
  return caller.kind === 'organisation' && caller.roles.includes(audience.role);
}

function describeAudience(audience: Audience): string {
  return audience === 'citizen' ? 'signed-in citizens' : `holders of the ${audience.role} role`;
}
